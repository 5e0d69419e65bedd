import { describe, expect, it } from "vitest";
import { addWorkingTime, workingTimeBetween } from "@/lib/law/calendar";
import { at, kz } from "./fixtures";

const add = (start: string, value: number, unit: "minutes" | "hours" | "workingDays" | "calendarDays") =>
  addWorkingTime(kz, at(start), { value, unit });

describe("addWorkingTime: minutes and hours count working time only", () => {
  it("skips the lunch break", () => {
    // Wed 12:00 + 2 h: 12:00–13:00, then 14:30–15:30.
    expect(add("2026-03-04T12:00:00+05:00", 2, "hours")).toEqual(at("2026-03-04T15:30:00+05:00"));
  });

  it("ends at the start of the break when the count fills the morning exactly", () => {
    expect(add("2026-03-04T10:00:00+05:00", 3, "hours")).toEqual(at("2026-03-04T13:00:00+05:00"));
  });

  it("starts counting after the break when started during lunch", () => {
    expect(add("2026-03-04T13:30:00+05:00", 30, "minutes")).toEqual(at("2026-03-04T15:00:00+05:00"));
  });

  it("carries over closing time to the next morning", () => {
    expect(add("2026-03-04T18:00:00+05:00", 1, "hours")).toEqual(at("2026-03-05T09:30:00+05:00"));
  });

  it("ends exactly at closing time when the count fills the day", () => {
    expect(add("2026-03-04T09:00:00+05:00", 8, "hours")).toEqual(at("2026-03-04T18:30:00+05:00"));
  });

  it("starts at the next opening when started at night", () => {
    expect(add("2026-03-04T23:00:00+05:00", 15, "minutes")).toEqual(at("2026-03-05T09:15:00+05:00"));
  });

  it("skips a weekend and a holiday that fell on a Sunday (8 March 2026 → day off Monday 9 March)", () => {
    // Fri 17:00 + 3 h: 90 min on Friday, then Tuesday 10 March 09:00 + 90 min.
    expect(add("2026-03-06T17:00:00+05:00", 3, "hours")).toEqual(at("2026-03-10T10:30:00+05:00"));
  });

  it("uses a transferred working Saturday (4 May 2024)", () => {
    expect(add("2024-05-03T18:00:00+05:00", 1, "hours")).toEqual(at("2024-05-04T09:30:00+05:00"));
  });

  it("crosses the year end and the New Year holidays", () => {
    // Wed 31 Dec 17:00 + 2 h: 90 min, then 1–2 Jan holidays, weekend, Monday 5 Jan 09:00 + 30 min.
    expect(add("2025-12-31T17:00:00+05:00", 2, "hours")).toEqual(at("2026-01-05T09:30:00+05:00"));
  });

  it("a zero term gives the next working instant", () => {
    expect(add("2026-03-04T13:10:00+05:00", 0, "minutes")).toEqual(at("2026-03-04T14:30:00+05:00"));
    expect(add("2026-03-04T11:00:00+05:00", 0, "hours")).toEqual(at("2026-03-04T11:00:00+05:00"));
  });

  it("counts fractional minutes to the millisecond", () => {
    expect(add("2026-03-04T09:00:00+05:00", 1.5, "minutes")).toEqual(at("2026-03-04T09:01:30+05:00"));
  });
});

describe("addWorkingTime: working days", () => {
  it("counts from the next working day and ends at closing time of the N-th", () => {
    // Wed 4 March + 2 wd → Thu 5 (1), Fri 6 (2).
    expect(add("2026-03-04T10:00:00+05:00", 2, "workingDays")).toEqual(at("2026-03-06T18:30:00+05:00"));
  });

  it("does not count the start day even when started before opening", () => {
    expect(add("2026-03-04T07:00:00+05:00", 1, "workingDays")).toEqual(at("2026-03-05T18:30:00+05:00"));
  });

  it("skips Nauryz and the days off moved from its weekend days (21–25 March 2026)", () => {
    // Fri 20 March + 5 wd: 26, 27, 30, 31 March, 1 April.
    expect(add("2026-03-20T10:00:00+05:00", 5, "workingDays")).toEqual(at("2026-04-01T18:30:00+05:00"));
  });

  it("counts from a day off the same way", () => {
    // Sun 22 March 2026 (Nauryz) + 1 wd → Thu 26 March.
    expect(add("2026-03-22T12:00:00+05:00", 1, "workingDays")).toEqual(at("2026-03-26T18:30:00+05:00"));
  });

  it("crosses the year end", () => {
    expect(add("2025-12-31T10:00:00+05:00", 1, "workingDays")).toEqual(at("2026-01-05T18:30:00+05:00"));
  });

  it("zero working days ends at closing time of the first working day on or after the start day", () => {
    expect(add("2026-03-04T10:00:00+05:00", 0, "workingDays")).toEqual(at("2026-03-04T18:30:00+05:00"));
    expect(add("2026-03-07T10:00:00+05:00", 0, "workingDays")).toEqual(at("2026-03-10T18:30:00+05:00"));
  });
});

describe("addWorkingTime: calendar days", () => {
  it("ends at 23:59:59.999 local time of the N-th day when it is a working day", () => {
    expect(add("2026-03-13T15:00:00+05:00", 5, "calendarDays")).toEqual(at("2026-03-18T23:59:59.999+05:00"));
  });

  it("moves to closing time of the next working day when the N-th day is a day off", () => {
    // Fri 13 March + 10 days = Mon 23 March (Nauryz); 24 and 25 are moved days off → Thu 26 March 18:30.
    expect(add("2026-03-13T15:00:00+05:00", 10, "calendarDays")).toEqual(at("2026-03-26T18:30:00+05:00"));
  });

  it("30 calendar days (transit permits)", () => {
    expect(add("2026-03-02T10:00:00+05:00", 30, "calendarDays")).toEqual(at("2026-04-01T23:59:59.999+05:00"));
  });
});

describe("historic +06:00 offset (Almaty before 2024-03-01)", () => {
  it("uses +06:00 in 2023", () => {
    expect(add("2023-06-01T09:00:00+06:00", 1, "hours")).toEqual(at("2023-06-01T10:00:00+06:00"));
    expect(add("2023-06-01T10:00:00+06:00", 1, "workingDays")).toEqual(at("2023-06-02T18:30:00+06:00"));
  });

  it("crosses the switch from +06:00 to +05:00", () => {
    // Thu 29 Feb 2024 18:00 (+06) + 1 h: 30 min, then Fri 1 March 09:00 (+05) + 30 min.
    expect(add("2024-02-29T18:00:00+06:00", 1, "hours")).toEqual(at("2024-03-01T09:30:00+05:00"));
    expect(add("2024-02-29T10:00:00+06:00", 1, "workingDays")).toEqual(at("2024-03-01T18:30:00+05:00"));
    expect(workingTimeBetween(kz, at("2024-02-29T09:00:00+06:00"), at("2024-03-01T18:30:00+05:00"))).toBe(960);
  });
});

describe("addWorkingTime: invalid input", () => {
  it("rejects negative terms, fractional days and invalid dates", () => {
    expect(() => add("2026-03-04T10:00:00+05:00", -1, "minutes")).toThrow(RangeError);
    expect(() => add("2026-03-04T10:00:00+05:00", 1.5, "workingDays")).toThrow(RangeError);
    expect(() => addWorkingTime(kz, new Date(NaN), { value: 1, unit: "hours" })).toThrow(RangeError);
  });

  it("throws a CalendarRangeError outside the configured years", () => {
    expect(() => add("2028-12-29T10:00:00+05:00", 5, "workingDays")).toThrow(/outside the configured years 2013–2028/);
    expect(() => add("2012-12-31T10:00:00+06:00", 1, "hours")).toThrow(/outside the configured years/);
  });
});
