import { describe, expect, it } from "vitest";
import { getOrganisation } from "@/lib/law/organisations";
import { serviceWorkingHours } from "@/lib/law/organisation-calendar";

describe("office hours per standard where they differ from the Committee's", () => {
  it("standard 2 at the Committee: 09:00–18:30, lunch 13:00–14:30 [004 L618-620]", () => {
    expect(getOrganisation("committee")!.workingHours.end).toBe("18:00");
    expect(serviceWorkingHours("committee", "processing-outside-rk-permit")).toEqual({ start: "09:00", end: "18:30", breaks: [["13:00", "14:30"]] });
    expect(getOrganisation("committee")!.serviceHours[0]!.sourceLines).toEqual(["004 L618-620"]);
  });

  it("standard 10 (chemical products): 09:00–18:30 [004 L9197-9200]", () => {
    expect(serviceWorkingHours("committee", "chemical-product-registration")?.end).toBe("18:30");
    expect(getOrganisation("committee")!.serviceHours[1]!.sourceLines).toEqual(["004 L9197-9200"]);
  });

  it("other Committee services keep the office hours", () => {
    expect(serviceWorkingHours("committee", "poisons-licence")).toBeNull();
    expect(serviceWorkingHours("aktobe", "scrap-metal-licence")).toBeNull();
  });
});
