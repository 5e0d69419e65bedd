import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  CalendarConfigError,
  createCalendar,
  isWorkingDay,
  isWorkingTime,
  workingTimeBetween,
  ZCalendarConfig,
} from "@/lib/law/calendar";
import { at } from "./fixtures";

describe("createCalendar: config validation", () => {
  it("applies defaults: Asia/Almaty, 09:00–18:30 with lunch 13:00–14:30, Monday to Friday", () => {
    const c = createCalendar();
    expect(c.config.timeZone).toBe("Asia/Almaty");
    expect(c.config.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(workingTimeBetween(c, at("2026-03-04T00:00:00+05:00"), at("2026-03-05T00:00:00+05:00"))).toBe(480);
  });

  it.each([
    [{ timeZone: "Asia/Nowhere" }, /timeZone: unknown IANA time zone/],
    [{ workingHours: { start: "9:00", end: "18:00" } }, /workingHours\.start: expected a time HH:MM/],
    [{ workingHours: { start: "18:00", end: "09:00" } }, /workingHours\.end: must be later than start/],
    [
      { workingHours: { start: "09:00", end: "18:00", breaks: [["13:00", "19:00"]] } },
      /workingHours\.breaks\[0\]: breaks must lie within/,
    ],
    [
      { workingHours: { start: "09:00", end: "18:00", breaks: [["14:00", "13:00"]] } },
      /workingHours\.breaks\[0\]\[1\]: a break must end after it starts/,
    ],
    [
      { workingHours: { start: "09:00", end: "18:00", breaks: [["09:00", "18:00"]] } },
      /workingHours\.breaks: breaks leave no working time/,
    ],
    [{ holidays: ["2026-02-30"] }, /holidays\[0\]: expected an existing date/],
    [
      { years: { from: 2026, to: 2026 }, holidays: ["2027-01-01"] },
      /holidays\[0\]: 2027-01-01 is outside years 2026–2026/,
    ],
    [
      { extraWorkingDays: ["2026-03-07"], extraDaysOff: ["2026-03-07"] },
      /extraWorkingDays\[0\]: 2026-03-07 is also listed/,
    ],
    [{ workingWeekdays: [1, 1] }, /workingWeekdays: weekdays must not repeat/],
    [{ workingWeekdays: [0] }, /workingWeekdays\[0\]/],
    [{ years: { from: 2030, to: 2020 } }, /years\.to: must not be earlier/],
    [{ years: { from: 1990, to: 2000 } }, /years\.from: Asia\/Almaty offsets are built in from 1996/],
  ])("rejects %j", (config, message) => {
    expect(() => createCalendar(config as never)).toThrow(CalendarConfigError);
    expect(() => createCalendar(config as never)).toThrow(message);
  });

  it("exposes the zod schema", () => {
    expect(ZCalendarConfig.safeParse({ holidays: ["2026-01-01"] }).success).toBe(true);
  });

  it("freezes the config", () => {
    const c = createCalendar({ holidays: ["2026-01-01"] });
    expect(Object.isFrozen(c.config.holidays)).toBe(true);
  });
});

describe("createCalendar: other schedules", () => {
  it("supports several breaks, weekends as working days and transferred days off", () => {
    const c = createCalendar({
      years: { from: 2026, to: 2026 },
      workingHours: {
        start: "09:00",
        end: "19:00",
        breaks: [
          ["13:00", "15:00"],
          ["17:00", "17:30"],
        ],
      },
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      extraDaysOff: ["2026-03-07"],
    });
    expect(isWorkingDay(c, "2026-03-07")).toBe(false);
    expect(isWorkingDay(c, "2026-03-14")).toBe(true);
    expect(isWorkingTime(c, at("2026-03-04T17:10:00+05:00"))).toBe(false);
    // Fri 16:00 + 2 h: 16:00–17:00, 17:30–18:30.
    expect(addWorkingTime(c, at("2026-03-06T16:00:00+05:00"), { value: 2, unit: "hours" })).toEqual(
      at("2026-03-06T18:30:00+05:00"),
    );
    // Fri 18:30 + 1 h: 30 min until 19:00; Saturday 7 March is off, Sunday is not a working weekday → Monday 09:30.
    expect(addWorkingTime(c, at("2026-03-06T18:30:00+05:00"), { value: 1, unit: "hours" })).toEqual(
      at("2026-03-09T09:30:00+05:00"),
    );
  });

  it("supports a round-the-clock calendar (the portal)", () => {
    const c = createCalendar({
      years: { from: 2026, to: 2026 },
      workingHours: { start: "00:00", end: "24:00", breaks: [] },
      workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
    });
    expect(addWorkingTime(c, at("2026-03-07T23:30:00+05:00"), { value: 90, unit: "minutes" })).toEqual(
      at("2026-03-08T01:00:00+05:00"),
    );
    expect(addWorkingTime(c, at("2026-03-07T10:00:00+05:00"), { value: 1, unit: "workingDays" })).toEqual(
      at("2026-03-09T00:00:00+05:00"),
    );
  });
});
