import { describe, expect, it } from "vitest";
import { createCalendar, type TWorkingHours } from "@/lib/law/calendar";
import { pscDeliveryDueAt, pscKeepUntil, termStartFor } from "@/lib/law/deadlines";
import { getPublicServiceCentres, getOrganisations, isOpenAt, pscsForService } from "@/lib/law/organisations";
import { getService } from "@/lib/law/catalogue";

// Almaty is UTC+5 (since 1 March 2024).
const almaty = (iso: string) => new Date(`${iso}+05:00`);
const committeeHours: TWorkingHours = { start: "09:00", end: "18:30", breaks: [["13:00", "14:30"]] };
const calendar = createCalendar({ timeZone: "Asia/Almaty", workingHours: committeeHours, holidays: ["2026-12-16", "2026-12-17"], years: { from: 2026, to: 2027 } });

describe("Public Service Centres as data", () => {
  it("PSCs of the four seed regions and Astana, Monday to Saturday 09:00–20:00 without a break [004 L564-566, L626-632]", () => {
    const pscs = getPublicServiceCentres();
    expect(pscs.map((p) => p.region).sort()).toEqual(["aktobe", "astana", "atyrau", "east-kazakhstan", "west-kazakhstan"]);
    for (const p of pscs) {
      expect(p.kind).toBe("psc");
      expect(p.workingDays).toEqual([1, 2, 3, 4, 5, 6]);
      expect(p.workingHours).toEqual({ start: "09:00", end: "20:00", breaks: [] });
      expect(p.services).toEqual([]);
      expect(p.notes[0]!.sourceLines).toEqual(["004 L564-566", "004 L626-632"]);
    }
    // Providers stay providers: no PSC is offered as a provider of any service.
    expect(getOrganisations().some((o) => o.kind === "psc")).toBe(false);
  });

  it("a PSC accepts only standard 2, the processing permit [004 L645-648]", () => {
    expect(pscsForService("processing-outside-rk-permit")).toHaveLength(5);
    expect(pscsForService("scrap-metal-licence")).toEqual([]);
    expect(getService("processing-outside-rk-permit")!.psc!.scanSourceLines).toEqual(["004 L645-648"]);
    expect(getService("scrap-metal-licence")!.psc).toBeNull();
  });

  it("PSC hours: open on Saturday at 19:59, closed at 20:00, on Sunday and on a holiday; no lunch break [004 L626-632]", () => {
    const psc = getPublicServiceCentres()[0]!;
    expect(isOpenAt(psc, almaty("2026-12-05T19:59:00"))).toBe(true); // Saturday
    expect(isOpenAt(psc, almaty("2026-12-05T20:00:00"))).toBe(false);
    expect(isOpenAt(psc, almaty("2026-12-07T13:30:00"))).toBe(true); // Monday, the Committee's lunch
    expect(isOpenAt(psc, almaty("2026-12-07T08:59:00"))).toBe(false);
    expect(isOpenAt(psc, almaty("2026-12-06T12:00:00"))).toBe(false); // Sunday
    expect(isOpenAt(psc, almaty("2026-12-16T12:00:00"), ["2026-12-16"])).toBe(false);
  });
});

describe("terms of the PSC and postal channels", () => {
  it("the day of acceptance at a PSC is not counted: the term starts at 00:00 of the next day [004 L607]", () => {
    const accepted = almaty("2026-12-07T19:30:00");
    expect(termStartFor({ channel: "PSC", submittedAt: accepted, psc: getService("processing-outside-rk-permit")!.psc })).toEqual(almaty("2026-12-08T00:00:00"));
    expect(getService("processing-outside-rk-permit")!.psc!.acceptanceDaySourceLines).toEqual(["004 L607"]);
    // At the counter and on the portal the term starts at submission.
    expect(termStartFor({ channel: "PROVIDER", submittedAt: accepted })).toEqual(accepted);
    expect(termStartFor({ channel: "PORTAL", submittedAt: accepted })).toEqual(accepted);
  });

  it("by post the date of receipt starts the term [004 L2616-2619, L7855-7858]", () => {
    const registered = almaty("2026-12-09T11:00:00");
    expect(termStartFor({ channel: "POST", submittedAt: registered, receivedByPostOn: "2026-12-07" })).toEqual(almaty("2026-12-07T00:00:00"));
    expect(() => termStartFor({ channel: "POST", submittedAt: registered, receivedByPostOn: "2026-12-10" })).toThrow(RangeError);
    expect(() => termStartFor({ channel: "POST", submittedAt: registered })).toThrow(RangeError);
    expect(getService("scrap-metal-licence")!.postalSubmission!.sourceLines).toEqual(["004 L7855-7858"]);
    expect(getService("mining-chemical-production-licence")!.postalSubmission!.sourceLines).toEqual(["004 L2616-2619"]);
    expect(getService("processing-outside-rk-permit")!.postalSubmission).toBeNull();
  });

  it("the result reaches the PSC one working day before the term ends [004 L608-609]", () => {
    // Term ends Wednesday 23 Dec 2026 18:30 → due at the PSC Tuesday 22 Dec 18:30.
    expect(pscDeliveryDueAt(calendar, almaty("2026-12-23T18:30:00"))).toEqual(almaty("2026-12-22T18:30:00"));
    // Term ends Monday 21 Dec → the Friday before (the weekend is skipped).
    expect(pscDeliveryDueAt(calendar, almaty("2026-12-21T18:30:00"))).toEqual(almaty("2026-12-18T18:30:00"));
    // Term ends Friday 18 Dec → Tuesday 15 Dec (16 and 17 December are holidays).
    expect(pscDeliveryDueAt(calendar, almaty("2026-12-18T18:30:00"))).toEqual(almaty("2026-12-15T18:30:00"));
    expect(getService("processing-outside-rk-permit")!.psc!.resultDeliveredBeforeTermEnd).toEqual({ value: 1, unit: "workingDays" });
  });

  it("an uncollected result is kept one month, then returned to the provider [004 L758-760]", () => {
    const dueAt = almaty("2026-12-23T18:30:00");
    // Kept through 23 January 2027; returnable from 24 January 00:00.
    expect(pscKeepUntil({ dueAt, resultAt: almaty("2026-12-22T10:00:00") })).toEqual(almaty("2027-01-24T00:00:00"));
    // A late result is kept a month from its arrival.
    expect(pscKeepUntil({ dueAt, resultAt: almaty("2026-12-28T10:00:00") })).toEqual(almaty("2027-01-29T00:00:00"));
    // 31 January → the last day of February.
    expect(pscKeepUntil({ dueAt: almaty("2027-01-31T18:30:00"), resultAt: almaty("2027-01-29T10:00:00") })).toEqual(almaty("2027-03-01T00:00:00"));
    expect(getService("processing-outside-rk-permit")!.psc!.keepingPeriodMonths).toBe(1);
    expect(getService("processing-outside-rk-permit")!.psc!.keepingSourceLines).toEqual(["004 L758-760"]);
  });
});
