import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  closingTime,
  isWorkingDay,
  isWorkingTime,
  localDate,
  nextWorkingInstant,
  workingTimeBetween,
  type TTerm,
} from "@/lib/law/calendar";
import { kz } from "./fixtures";

const RUNS = { numRuns: 500, seed: 20260304 };
const DAY_MINUTES = 480;

const instant = fc.integer({ min: Date.UTC(2013, 0, 2), max: Date.UTC(2027, 10, 30) }).map((ms) => new Date(ms));
const wholeMinutes = fc.integer({ min: 0, max: 30 * DAY_MINUTES });
const term = fc.oneof(
  wholeMinutes.map((value): TTerm => ({ value, unit: "minutes" })),
  fc.integer({ min: 0, max: 200 }).map((value): TTerm => ({ value, unit: "hours" })),
  fc.integer({ min: 0, max: 40 }).map((value): TTerm => ({ value, unit: "workingDays" })),
  fc.integer({ min: 0, max: 60 }).map((value): TTerm => ({ value, unit: "calendarDays" })),
);

describe("addWorkingTime properties", () => {
  it("is monotone in the start instant", () => {
    fc.assert(
      fc.property(instant, instant, term, (a, b, t) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingTime(kz, early, t).getTime()).toBeLessThanOrEqual(addWorkingTime(kz, late, t).getTime());
      }),
      RUNS,
    );
  });

  it("is monotone in the term", () => {
    fc.assert(
      fc.property(instant, term, fc.nat({ max: 50 }), (start, t, extra) => {
        const longer = { ...t, value: t.value + extra };
        expect(addWorkingTime(kz, start, t).getTime()).toBeLessThanOrEqual(addWorkingTime(kz, start, longer).getTime());
      }),
      RUNS,
    );
  });

  it("workingTimeBetween(t, addWorkingTime(t, m minutes)) = m from a working instant", () => {
    fc.assert(
      fc.property(instant, wholeMinutes, (any, m) => {
        const t = nextWorkingInstant(kz, any);
        expect(isWorkingTime(kz, t)).toBe(true);
        expect(workingTimeBetween(kz, t, addWorkingTime(kz, t, { value: m, unit: "minutes" }))).toBe(m);
      }),
      RUNS,
    );
  });

  it("the same holds from any instant for a positive term, and terms add up", () => {
    fc.assert(
      fc.property(instant, wholeMinutes, wholeMinutes, (t, a, b) => {
        fc.pre(a > 0 && b > 0);
        const first = addWorkingTime(kz, t, { value: a, unit: "minutes" });
        expect(workingTimeBetween(kz, t, first)).toBe(a);
        expect(addWorkingTime(kz, first, { value: b, unit: "minutes" })).toEqual(
          addWorkingTime(kz, t, { value: a + b, unit: "minutes" }),
        );
      }),
      RUNS,
    );
  });

  it("a positive minute term ends just after working time", () => {
    fc.assert(
      fc.property(instant, wholeMinutes, (t, m) => {
        fc.pre(m > 0);
        const due = addWorkingTime(kz, t, { value: m, unit: "minutes" });
        expect(isWorkingTime(kz, new Date(due.getTime() - 1))).toBe(true);
      }),
      RUNS,
    );
  });

  it("N working days end at the closing time of a working day, N full days after the start day", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (t, n) => {
        const due = addWorkingTime(kz, t, { value: n, unit: "workingDays" });
        const day = localDate(kz, due);
        expect(isWorkingDay(kz, day)).toBe(true);
        expect(due).toEqual(closingTime(kz, day));
        expect(workingTimeBetween(kz, closingTime(kz, localDate(kz, t)), due)).toBe(n * DAY_MINUTES);
      }),
      RUNS,
    );
  });
});
