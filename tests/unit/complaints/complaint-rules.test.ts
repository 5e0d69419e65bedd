import { describe, expect, it } from "vitest";
import { getCatalogue, getComplaintRules, complaintRoute, parseComplaintRules } from "@/lib/law/catalogue";
import { createCalendar } from "@/lib/law/calendar";
import { complaintDueAt, complaintExtendedDueAt } from "@/lib/oversight/complaints";
import complaintsJson from "@/lib/law/catalogue/data/complaints.json";

describe("complaint rules as data (lib/law/catalogue/data/complaints.json)", () => {
  const rules = getComplaintRules();

  it("term: 15 calendar days, extendable to 30 with notice, Law of 12 January 2007 art. 8 [004 L391-393]", () => {
    expect(rules.term).toMatchObject({ value: 15, unit: "calendarDays", extension: { value: 30, unit: "calendarDays", noticeRequired: true } });
    expect(rules.term.legalReference.en).toMatch(/12 January 2007.*article 8/);
    expect(rules.term.sourceLines).toContain("004 L391-393");
  });

  it("answer channels portal, e-mail and post [004 L395-396]", () => {
    expect(rules.answerChannels.channels).toEqual(["portal", "email", "post"]);
    expect(rules.answerChannels.sourceLines).toContain("004 L395-396");
  });

  it("every service of the catalogue has exactly one rule", () => {
    expect(rules.rules.map((r) => r.service).sort()).toEqual(getCatalogue().services.map((s) => s.code).sort());
  });

  it("disagreement with a Committee decision goes to the authorised body (Ministry) [004 L368-372]", () => {
    for (const s of getCatalogue().services.filter((x) => x.providerLevel === "committee")) {
      expect(complaintRoute({ serviceCode: s.code, kind: "RESULT_DISAGREEMENT" }).handler, s.code).toBe("authorised_body");
      expect(complaintRoute({ serviceCode: s.code, kind: "IMPROPER_SERVICE" }).handler, s.code).toBe("provider_head");
    }
  });

  it("scrap metal: disagreement goes to the regional body's first head [004 L7940-7942]", () => {
    expect(complaintRoute({ serviceCode: "scrap-metal-licence", kind: "RESULT_DISAGREEMENT" }).handler).toBe("provider_head");
  });

  it("standard 2: a complaint at a PSC goes to the PSC head [004 L827-830]", () => {
    expect(complaintRoute({ serviceCode: "processing-outside-rk-permit", kind: "COURTESY", atPsc: true }).handler).toBe("psc_head");
    expect(complaintRoute({ serviceCode: "scrap-metal-licence", kind: "COURTESY", atPsc: true }).handler).toBe("provider_head");
  });

  it("without a service: the provider's head and the default term", () => {
    expect(complaintRoute({ serviceCode: null, kind: "COURTESY" })).toMatchObject({ handler: "provider_head", term: { value: 15, unit: "calendarDays" } });
  });

  it("rejects a broken file with the field path", () => {
    const broken = structuredClone(complaintsJson) as { rules: { handlers: Record<string, string> }[] };
    broken.rules[0]!.handlers.COURTESY = "nobody";
    expect(() => parseComplaintRules(broken)).toThrow(/rules\[0\]\.handlers\.COURTESY/);
  });

  it("15 calendar days from Wed 15 Apr 2026 end on Thu 30 Apr; a day off moves to the next working day's closing [004 L391-393]", () => {
    const cal = createCalendar({ workingHours: { start: "09:00", end: "18:00", breaks: [] }, holidays: ["2026-05-01", "2026-05-07", "2026-05-09"], years: { from: 2026, to: 2026 } });
    expect(complaintDueAt(cal, new Date("2026-04-15T06:00:00Z"), rules.term).toISOString()).toBe("2026-04-30T18:59:59.999Z");
    // Sat 18 Apr + 15 = Sun 3 May (a day off) → Mon 4 May 18:00 local.
    expect(complaintDueAt(cal, new Date("2026-04-18T06:00:00Z"), rules.term).toISOString()).toBe("2026-05-04T13:00:00.000Z");
    expect(complaintExtendedDueAt(cal, new Date("2026-04-15T06:00:00Z"), rules.term)!.toISOString()).toBe("2026-05-15T18:59:59.999Z");
  });
});
