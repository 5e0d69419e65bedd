import { describe, expect, it } from "vitest";
import { assertReissueWindow, formDefinition, getService, reissueWindowLastDay } from "@/lib/law/catalogue";

const scrap = getService("scrap-metal-licence")!;
const mining = getService("mining-chemical-production-licence")!;
const grain = getService("grain-warehouse-receipts-licence")!;

describe("reissue filing window of 30 calendar days", () => {
  it("scrap metal: 30 calendar days from the change [004 L7791-7794]", () => {
    expect(scrap.reissueApplicationWindow).toEqual({ value: 30, unit: "calendarDays" });
    expect(reissueWindowLastDay(scrap, "2026-04-01")).toBe("2026-05-01");
    expect(() => assertReissueWindow(scrap, "REISSUE", { changeDate: "2026-04-01" }, "2026-05-01")).not.toThrow();
    expect(() => assertReissueWindow(scrap, "REISSUE", { changeDate: "2026-04-01" }, "2026-05-02")).toThrow(expect.objectContaining({ code: "catalogue.reissue_window_passed" }));
  });

  it("licences 3–8: the same window [004 L2533-2537]; the form asks for the date of the change", () => {
    expect(mining.reissueApplicationWindowSourceLines).toEqual(["004 L2533-2537"]);
    expect(formDefinition(mining, "reissue").map((f) => f.name)).toContain("changeDate");
    expect(() => assertReissueWindow(mining, "reissue", { changeDate: "2026-01-01" }, "2026-03-01")).toThrow(expect.objectContaining({ code: "catalogue.reissue_window_passed", details: expect.objectContaining({ fieldErrors: { changeDate: "catalogue.reissue_window_passed" } }) }));
  });

  it("a change in the future is refused; other variants and services without a window are not checked", () => {
    expect(() => assertReissueWindow(scrap, "REISSUE", { changeDate: "2026-06-01" }, "2026-05-01")).toThrow(expect.objectContaining({ code: "catalogue.change_date_in_future" }));
    expect(() => assertReissueWindow(scrap, "ISSUE", { changeDate: "2020-01-01" }, "2026-05-01")).not.toThrow();
    expect(grain.reissueApplicationWindow).toBeNull();
    expect(formDefinition(grain, "reissue").map((f) => f.name)).not.toContain("changeDate");
  });
});
