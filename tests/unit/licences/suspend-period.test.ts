import { describe, expect, it } from "vitest";
import { ZSuspendLicenceInput } from "@/lib/cases/licences";

describe("suspension period dates", () => {
  it("reads a calendar day of the form as the start of that day in Almaty", () => {
    const v = ZSuspendLicenceInput.parse({ licenceId: "l1", reason: "решение суда", from: "2026-11-30", to: "2027-01-15" });
    expect(v.from.toISOString()).toBe("2026-11-29T19:00:00.000Z");
    expect(v.to.toISOString()).toBe("2027-01-14T19:00:00.000Z");
  });

  it("keeps an instant as given", () => {
    const v = ZSuspendLicenceInput.parse({ licenceId: "l1", reason: "решение суда", from: new Date("2026-11-30T10:00:00Z"), to: "2027-01-15T00:00:00Z" });
    expect(v.from.toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(v.to.toISOString()).toBe("2027-01-15T00:00:00.000Z");
  });

  it("refuses a period that ends before it starts", () => {
    expect(ZSuspendLicenceInput.safeParse({ licenceId: "l1", reason: "решение суда", from: "2026-12-02", to: "2026-12-01" }).success).toBe(false);
  });
});
