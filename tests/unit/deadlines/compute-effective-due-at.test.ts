import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workingTimeBetween, type TTerm } from "@/lib/law/calendar";
import { DomainError } from "@/lib/platform/core";
import { computeDueAt, computeEffectiveDueAt, type TDeadlineEvent } from "@/lib/law/deadlines";
import { at, kz } from "./fixtures";

const startedAt = at("2026-03-02T10:00:00+05:00"); // Monday
const term: TTerm = { value: 3, unit: "workingDays" }; // → Thursday 5 March 18:30
const fiveDays: TTerm = { value: 5, unit: "workingDays" };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

describe("computeEffectiveDueAt", () => {
  it("without events equals the base due instant", () => {
    const r = computeEffectiveDueAt(kz, { startedAt, term, events: [] });
    expect(r.baseDueAt).toEqual(at("2026-03-05T18:30:00+05:00"));
    expect(r.dueAt).toEqual(r.baseDueAt);
    expect(r.suspendedSince).toBeNull();
  });

  it("a suspension shifts the due instant by the working time it lasted", () => {
    // Tue 10:00 → Wed 10:00 = 480 working minutes: one working day later.
    const r = computeEffectiveDueAt(kz, {
      startedAt,
      term,
      events: [
        { type: "suspended", at: at("2026-03-03T10:00:00+05:00"), reason: "request_for_documents" },
        { type: "resumed", at: at("2026-03-04T10:00:00+05:00") },
      ],
    });
    expect(r.suspendedWorkingMinutes).toBe(480);
    expect(r.dueAt).toEqual(at("2026-03-06T18:30:00+05:00"));
  });

  it("a suspension across the weekend and the 9 March day off only counts working time", () => {
    // Fri 6 March 17:30 → Tue 10 March 10:00: 60 + 60 = 120 minutes. Thu 5 March 18:30 + 120 min → Fri 6 March 11:00.
    const r = computeEffectiveDueAt(kz, {
      startedAt,
      term,
      events: [
        { type: "suspended", at: at("2026-03-06T17:30:00+05:00"), reason: "expert_review" },
        { type: "resumed", at: at("2026-03-10T10:00:00+05:00") },
      ],
    });
    expect(r.suspendedWorkingMinutes).toBe(120);
    expect(r.dueAt).toEqual(at("2026-03-06T11:00:00+05:00"));
  });

  it("while suspended, dueAt counts closed suspensions, and `now` projects the open one", () => {
    const events: TDeadlineEvent[] = [{ type: "suspended", at: at("2026-03-03T10:00:00+05:00"), reason: "x" }];
    const r = computeEffectiveDueAt(kz, { startedAt, term, events });
    expect(r.suspendedSince).toEqual(at("2026-03-03T10:00:00+05:00"));
    expect(r.dueAt).toEqual(r.baseDueAt);
    const projected = computeEffectiveDueAt(kz, { startedAt, term, events, now: at("2026-03-03T12:00:00+05:00") });
    expect(projected.dueAt).toEqual(at("2026-03-06T11:00:00+05:00"));
  });

  it("extensions add working time within the limit", () => {
    const r = computeEffectiveDueAt(kz, {
      startedAt,
      term,
      maxExtension: fiveDays,
      events: [
        {
          type: "extended",
          at: at("2026-03-04T10:00:00+05:00"),
          term: { value: 2, unit: "workingDays" },
          reason: "inspection",
        },
        {
          type: "extended",
          at: at("2026-03-05T10:00:00+05:00"),
          term: { value: 3, unit: "workingDays" },
          reason: "inspection",
        },
      ],
    });
    // Thu 5 March 18:30 + 5 wd: 6, 10, 11, 12, 13 March.
    expect(r.dueAt).toEqual(at("2026-03-13T18:30:00+05:00"));
    expect(r.extensionWorkingMinutes).toBe(5 * 480);
  });

  it("extensions beyond the limit throw deadlines.extension_exceeds_limit", () => {
    const extend = (value: number): TDeadlineEvent => ({
      type: "extended",
      at: at("2026-03-04T10:00:00+05:00"),
      term: { value, unit: "workingDays" },
      reason: "inspection",
    });
    expect(
      codeOf(() =>
        computeEffectiveDueAt(kz, { startedAt, term, maxExtension: fiveDays, events: [extend(3), extend(3)] }),
      ),
    ).toBe("deadlines.extension_exceeds_limit");
    expect(codeOf(() => computeEffectiveDueAt(kz, { startedAt, term, events: [extend(1)] }))).toBe(
      "deadlines.extension_exceeds_limit",
    );
  });

  it.each<[string, TDeadlineEvent[]]>([
    ["resume without suspend", [{ type: "resumed", at: at("2026-03-03T10:00:00+05:00") }]],
    [
      "suspend twice",
      [
        { type: "suspended", at: at("2026-03-03T10:00:00+05:00"), reason: "a" },
        { type: "suspended", at: at("2026-03-03T11:00:00+05:00"), reason: "b" },
      ],
    ],
    [
      "resume twice",
      [
        { type: "suspended", at: at("2026-03-03T10:00:00+05:00"), reason: "a" },
        { type: "resumed", at: at("2026-03-03T11:00:00+05:00") },
        { type: "resumed", at: at("2026-03-03T12:00:00+05:00") },
      ],
    ],
    [
      "out of order",
      [
        { type: "suspended", at: at("2026-03-03T10:00:00+05:00"), reason: "a" },
        { type: "resumed", at: at("2026-03-03T09:00:00+05:00") },
      ],
    ],
    ["before the start", [{ type: "suspended", at: at("2026-03-01T10:00:00+05:00"), reason: "a" }]],
    ["invalid date", [{ type: "suspended", at: new Date(NaN), reason: "a" }]],
  ])("rejects %s with deadlines.invalid_event_sequence", (_name, events) => {
    expect(codeOf(() => computeEffectiveDueAt(kz, { startedAt, term, events }))).toBe(
      "deadlines.invalid_event_sequence",
    );
  });

  it("is deterministic: recomputing from the same events gives the same result", () => {
    const input = {
      startedAt,
      term,
      maxExtension: fiveDays,
      events: [
        { type: "suspended", at: at("2026-03-03T10:00:00+05:00"), reason: "a" },
        { type: "extended", at: at("2026-03-03T11:00:00+05:00"), term: { value: 1, unit: "workingDays" }, reason: "b" },
        { type: "resumed", at: at("2026-03-03T16:00:00+05:00") },
      ] satisfies TDeadlineEvent[],
    };
    expect(computeEffectiveDueAt(kz, input)).toEqual(computeEffectiveDueAt(kz, structuredClone(input)));
  });
});

describe("computeEffectiveDueAt properties", () => {
  const RUNS = { numRuns: 300, seed: 8_2026 };
  const start = fc.integer({ min: Date.UTC(2014, 0, 1), max: Date.UTC(2027, 5, 1) }).map((ms) => new Date(ms));
  const stepTerm = fc.oneof(
    fc.integer({ min: 1, max: 2000 }).map((value): TTerm => ({ value, unit: "minutes" })),
    fc.integer({ min: 1, max: 30 }).map((value): TTerm => ({ value, unit: "workingDays" })),
    fc.integer({ min: 1, max: 30 }).map((value): TTerm => ({ value, unit: "calendarDays" })),
  );
  const hour = 3_600_000;

  it("a suspension shifts the deadline by exactly the working time suspended", () => {
    fc.assert(
      fc.property(start, stepTerm, fc.nat({ max: 40 * 24 }), fc.nat({ max: 20 * 24 }), (s, t, offsetH, lengthMin) => {
        const suspendedAt = new Date(s.getTime() + offsetH * hour);
        const resumedAt = new Date(suspendedAt.getTime() + lengthMin * 60_000);
        const r = computeEffectiveDueAt(kz, {
          startedAt: s,
          term: t,
          events: [
            { type: "suspended", at: suspendedAt, reason: "x" },
            { type: "resumed", at: resumedAt },
          ],
        });
        const suspended = workingTimeBetween(kz, suspendedAt, resumedAt);
        expect(r.baseDueAt).toEqual(computeDueAt(kz, s, t));
        expect(workingTimeBetween(kz, r.baseDueAt, r.dueAt)).toBe(suspended);
        expect(r.dueAt.getTime()).toBeGreaterThanOrEqual(r.baseDueAt.getTime());
        if (suspended === 0) expect(r.dueAt).toEqual(r.baseDueAt);
      }),
      RUNS,
    );
  });

  it("two suspensions shift by their sum, whatever extensions come in between", () => {
    fc.assert(
      fc.property(start, stepTerm, fc.array(fc.nat({ max: 72 }), { minLength: 4, maxLength: 4 }), (s, t, gaps) => {
        const times = gaps
          .reduce<number[]>((acc, g) => [...acc, (acc.at(-1) ?? s.getTime()) + g * hour], [])
          .map((ms) => new Date(ms));
        const [s1, r1, s2, r2] = times as [Date, Date, Date, Date];
        const r = computeEffectiveDueAt(kz, {
          startedAt: s,
          term: t,
          maxExtension: { value: 10, unit: "hours" },
          events: [
            { type: "suspended", at: s1, reason: "x" },
            { type: "resumed", at: r1 },
            { type: "extended", at: r1, term: { value: 90, unit: "minutes" }, reason: "y" },
            { type: "suspended", at: s2, reason: "x" },
            { type: "resumed", at: r2 },
          ],
        });
        // Compared in whole milliseconds: a sum of fractional minutes is not exact in floating point.
        const ms = (a: Date, b: Date) => Math.round(workingTimeBetween(kz, a, b) * 60_000);
        expect(ms(r.baseDueAt, r.dueAt)).toBe(ms(s1, r1) + ms(s2, r2) + 90 * 60_000);
      }),
      RUNS,
    );
  });
});
