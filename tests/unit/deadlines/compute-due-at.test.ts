import { describe, expect, it } from "vitest";
import { isDomainError } from "@/lib/platform/core";
import { computeDueAt, tacitApprovalDates } from "@/lib/law/deadlines";
import { at, kz } from "./fixtures";

describe("computeDueAt", () => {
  it("a step of 3 hours", () => {
    expect(computeDueAt(kz, at("2026-03-04T10:00:00+05:00"), { value: 3, unit: "hours" })).toEqual(
      at("2026-03-04T13:00:00+05:00"),
    );
  });

  it("the overall term of a standard: 15 working days from registration", () => {
    // Registered Wed 4 March 2026 11:00; 9 March and 23–25 March are days off.
    // Working days: 5, 6, 10, 11, 12, 13, 16, 17, 18, 19, 20, 26, 27, 30, 31 March.
    expect(computeDueAt(kz, at("2026-03-04T11:00:00+05:00"), { value: 15, unit: "workingDays" })).toEqual(
      at("2026-03-31T18:30:00+05:00"),
    );
  });

  it("runs a list of terms one after another (Aktobe scrap-metal issue: 15 min + 3 h + 5 wd + 3 h + 15 min)", () => {
    const steps = [
      { value: 15, unit: "minutes" },
      { value: 3, unit: "hours" },
      { value: 5, unit: "workingDays" },
      { value: 3, unit: "hours" },
      { value: 15, unit: "minutes" },
    ] as const;
    // Mon 2 March 09:00 → 09:15 → 12:15 → 5 wd: closing of Tue 10 March (9 March is off) → Wed 11 March 12:00 → 12:15.
    expect(computeDueAt(kz, at("2026-03-02T09:00:00+05:00"), [...steps])).toEqual(at("2026-03-11T12:15:00+05:00"));
  });

  it("turns a date beyond the calendar into a DomainError", () => {
    try {
      computeDueAt(kz, at("2028-12-20T10:00:00+05:00"), { value: 15, unit: "workingDays" });
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe("deadlines.calendar_out_of_range");
    }
  });
});

describe("tacitApprovalDates", () => {
  it("deemed issued when the term runs out; must be handed over within 5 working days", () => {
    expect(tacitApprovalDates(kz, at("2026-03-20T18:30:00+05:00"))).toEqual({
      deemedIssuedAt: at("2026-03-20T18:30:00+05:00"),
      mustHandOverBy: at("2026-04-01T18:30:00+05:00"),
    });
  });

  it("accepts another hand-over term", () => {
    expect(
      tacitApprovalDates(kz, at("2026-03-04T18:30:00+05:00"), { value: 2, unit: "workingDays" }).mustHandOverBy,
    ).toEqual(at("2026-03-06T18:30:00+05:00"));
  });
});
