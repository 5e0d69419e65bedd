import { describe, expect, it } from "vitest";
import {
  closingTime,
  isWorkingDay,
  isWorkingTime,
  localDate,
  nextWorkingInstant,
  workingTimeBetween,
} from "@/lib/law/calendar";
import { at, kz } from "./fixtures";

describe("isWorkingTime / nextWorkingInstant", () => {
  it("opening time is working time, closing time and the start of the break are not", () => {
    expect(isWorkingTime(kz, at("2026-03-04T09:00:00+05:00"))).toBe(true);
    expect(isWorkingTime(kz, at("2026-03-04T12:59:59.999+05:00"))).toBe(true);
    expect(isWorkingTime(kz, at("2026-03-04T13:00:00+05:00"))).toBe(false);
    expect(isWorkingTime(kz, at("2026-03-04T14:30:00+05:00"))).toBe(true);
    expect(isWorkingTime(kz, at("2026-03-04T18:30:00+05:00"))).toBe(false);
    expect(isWorkingTime(kz, at("2026-03-08T10:00:00+05:00"))).toBe(false);
  });

  it("returns the same instant during working time and the next opening otherwise", () => {
    expect(nextWorkingInstant(kz, at("2026-03-04T10:17:00+05:00"))).toEqual(at("2026-03-04T10:17:00+05:00"));
    expect(nextWorkingInstant(kz, at("2026-03-04T13:00:00+05:00"))).toEqual(at("2026-03-04T14:30:00+05:00"));
    expect(nextWorkingInstant(kz, at("2026-03-06T18:30:00+05:00"))).toEqual(at("2026-03-10T09:00:00+05:00"));
    expect(nextWorkingInstant(kz, at("2026-03-20T19:00:00+05:00"))).toEqual(at("2026-03-26T09:00:00+05:00"));
  });
});

describe("workingTimeBetween", () => {
  it("counts working minutes in [a, b)", () => {
    expect(workingTimeBetween(kz, at("2026-03-04T09:00:00+05:00"), at("2026-03-04T18:30:00+05:00"))).toBe(480);
    expect(workingTimeBetween(kz, at("2026-03-04T12:00:00+05:00"), at("2026-03-04T15:00:00+05:00"))).toBe(90);
    expect(workingTimeBetween(kz, at("2026-03-06T18:00:00+05:00"), at("2026-03-10T09:10:00+05:00"))).toBe(40);
  });

  it("is negative when b is before a and zero across non-working time", () => {
    expect(workingTimeBetween(kz, at("2026-03-04T15:00:00+05:00"), at("2026-03-04T12:00:00+05:00"))).toBe(-90);
    expect(workingTimeBetween(kz, at("2026-03-06T19:00:00+05:00"), at("2026-03-09T23:00:00+05:00"))).toBe(0);
  });

  it("a week with Nauryz has two working days", () => {
    expect(workingTimeBetween(kz, at("2026-03-21T00:00:00+05:00"), at("2026-03-28T00:00:00+05:00"))).toBe(2 * 480);
  });
});

describe("localDate / closingTime / isWorkingDay", () => {
  it("gives the Almaty date of an instant, whatever the process time zone", () => {
    expect(localDate(kz, at("2026-03-04T19:30:00Z"))).toBe("2026-03-05");
    expect(localDate(kz, at("2026-03-04T18:59:59.999Z"))).toBe("2026-03-04");
    expect(localDate(kz, at("2023-06-01T18:00:00Z"))).toBe("2023-06-02");
  });

  it("gives closing time in the offset of that date", () => {
    expect(closingTime(kz, "2026-03-04")).toEqual(at("2026-03-04T18:30:00+05:00"));
    expect(closingTime(kz, "2023-06-01")).toEqual(at("2023-06-01T18:30:00+06:00"));
    // Also for a day off: the closing time the working hours would give.
    expect(closingTime(kz, "2026-03-08")).toEqual(at("2026-03-08T18:30:00+05:00"));
  });

  it("knows working days", () => {
    expect(isWorkingDay(kz, "2026-03-04")).toBe(true);
    expect(isWorkingDay(kz, "2026-03-07")).toBe(false);
    expect(isWorkingDay(kz, "2026-03-09")).toBe(false);
    expect(() => isWorkingDay(kz, "2026-02-30")).toThrow(RangeError);
    expect(() => isWorkingDay(kz, "2030-01-10")).toThrow(/outside the configured years/);
  });
});
