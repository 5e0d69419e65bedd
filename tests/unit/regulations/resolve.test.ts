import { describe, expect, it } from "vitest";
import { getRegulation, resolveRegulation, workflowDefinition } from "@/lib/law/regulations";

const at = (s: string) => new Date(s);
const resolve = (serviceCode: string, organisationCode: string, region: string, when: string, variant: "issue" | "reissue" | "duplicate" | "annex" = "issue") =>
  resolveRegulation({ serviceCode, variant, organisationCode, region, at: at(when) });
const idv = (r: { id: string; version: number }) => `${r.id} v${r.version}`;

describe("resolveRegulation: the version in force at registration, regional first", () => {
  it("a regional regulation for its region, from its entry into force", () => {
    expect(idv(resolve("scrap-metal-licence", "atyrau", "atyrau", "2025-03-03T05:00:00Z"))).toBe("atyrau-2014-scrap v1");
    expect(idv(resolve("scrap-metal-licence", "aktobe", "aktobe", "2025-03-03T05:00:00Z", "duplicate"))).toBe("aktobe-2014-scrap v1");
    expect(idv(resolve("grain-warehouse-receipts-licence", "east-kazakhstan", "east-kazakhstan", "2025-03-03T05:00:00Z"))).toBe("east-kazakhstan-2014-grain v1");
  });

  it("the local day in Kazakhstan decides (Atyrau in force from 2014-06-14)", () => {
    // 2014-06-13T19:00Z is already 14 June in Almaty (UTC+6 in 2014).
    expect(idv(resolve("scrap-metal-licence", "atyrau", "atyrau", "2014-06-13T19:00:00Z"))).toBe("atyrau-2014-scrap v1");
    expect(idv(resolve("scrap-metal-licence", "atyrau", "atyrau", "2014-06-13T17:00:00Z"))).toBe("default-scrap-metal-licence v1");
  });

  it("the default for providers without a regional regulation", () => {
    expect(idv(resolve("scrap-metal-licence", "pavlodar", "pavlodar", "2025-03-03T05:00:00Z"))).toBe("default-scrap-metal-licence v1");
    expect(idv(resolve("grain-warehouse-receipts-licence", "atyrau", "atyrau", "2025-03-03T05:00:00Z"))).toBe("default-grain-warehouse-receipts-licence v1");
    expect(idv(resolve("poisons-licence", "committee", "astana", "2025-03-03T05:00:00Z", "annex"))).toBe("default-poisons-licence v2");
  });

  it("the version by date: decree 706 added the completeness step from 2013-07-21", () => {
    expect(idv(resolve("poisons-licence", "committee", "astana", "2013-07-19T06:00:00Z"))).toBe("default-poisons-licence v1");
    expect(idv(resolve("poisons-licence", "committee", "astana", "2013-07-21T06:00:00Z"))).toBe("default-poisons-licence v2");
    const v1 = workflowDefinition(getRegulation("default-poisons-licence", 1), "issue");
    const v2 = workflowDefinition(getRegulation("default-poisons-licence", 2), "issue");
    expect(v1.steps.map((s) => s.key)).not.toContain("check_completeness");
    expect(v2.steps.map((s) => s.key)).toContain("check_completeness");
    expect([v1.completenessTerm, v2.completenessTerm]).toEqual([null, { value: 2, unit: "workingDays" }]);
  });

  it("throws workflow.regulation_not_found before any regulation and for an unknown service", () => {
    expect(() => resolve("scrap-metal-licence", "atyrau", "atyrau", "2010-01-01T06:00:00Z")).toThrow("workflow.regulation_not_found");
    expect(() => resolve("no-such-service", "atyrau", "atyrau", "2025-01-01T06:00:00Z")).toThrow("workflow.regulation_not_found");
    expect(() => workflowDefinition(getRegulation("aktobe-2014-scrap", 1), "annex")).toThrow("workflow.regulation_not_found");
  });
});
