import { describe, expect, it } from "vitest";
import {
  buildNationalCalendarConfig,
  createNationalCalendar,
  expandNationalDays,
  isWorkingDay,
  kzHolidayData,
  parseHolidayData,
} from "@/lib/law/calendar";
import { kz } from "./fixtures";

const working = (dates: string[]) => dates.map((d) => [d, isWorkingDay(kz, d)]);

describe("kz-holidays.json", () => {
  it("is valid and covers 2013–2028", () => {
    expect(kzHolidayData().coverage).toEqual({ from: 2013, to: 2028 });
  });

  it("an invalid file throws naming the file and the field", () => {
    const broken = structuredClone(kzHolidayData());
    broken.fixedHolidays[3]!.monthDay = "02-30";
    expect(() => parseHolidayData(broken, "kz-holidays.json")).toThrow(
      /kz-holidays\.json.*fixedHolidays\[3\]\.monthDay/,
    );
  });

  it("requires a Kurban ait date for every covered year", () => {
    const broken = structuredClone(kzHolidayData());
    broken.movableHolidays[0]!.dates = broken.movableHolidays[0]!.dates.filter((d) => !d.startsWith("2026"));
    expect(() => parseHolidayData(broken)).toThrow(/kz-holidays\.json: movableHolidays\[0\]\.dates: no date for 2026/);
  });

  it("rejects a decreed working day that is a holiday, naming the field", () => {
    const data = structuredClone(kzHolidayData());
    data.transfers["2026"] = { extraWorkingDays: ["2026-03-22"], extraDaysOff: [] };
    expect(() => expandNationalDays(data, 2026, 2026)).toThrow(/transfers\.2026\.extraWorkingDays\[0\]/);
  });

  it("rejects years outside the data", () => {
    expect(() => buildNationalCalendarConfig({ years: { from: 2026, to: 2030 } })).toThrow(/covers 2013–2028/);
  });
});

describe("national calendar", () => {
  it("moves a holiday on a weekend to the next working day", () => {
    // 8 March 2026 is a Sunday.
    expect(working(["2026-03-06", "2026-03-09", "2026-03-10"])).toEqual([
      ["2026-03-06", true],
      ["2026-03-09", false],
      ["2026-03-10", true],
    ]);
  });

  it("Nauryz 2026: 21 (Sat), 22 (Sun), 23 (Mon) give days off 24 and 25", () => {
    expect(working(["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26"])).toEqual([
      ["2026-03-23", false],
      ["2026-03-24", false],
      ["2026-03-25", false],
      ["2026-03-26", true],
    ]);
  });

  it("chains moves past other holidays (New Year 2022 on Sat/Sun → 3 and 4 January; 2023 → 3 January)", () => {
    expect(working(["2022-01-03", "2022-01-04", "2022-01-05", "2023-01-02", "2023-01-03", "2023-01-04"])).toEqual([
      ["2022-01-03", false],
      ["2022-01-04", false],
      ["2022-01-05", true],
      ["2023-01-02", false],
      ["2023-01-03", false],
      ["2023-01-04", true],
    ]);
  });

  it("does not move religious holidays (Kurban ait on Sunday 16 June 2024)", () => {
    expect(working(["2024-06-16", "2024-06-17"])).toEqual([
      ["2024-06-16", false],
      ["2024-06-17", true],
    ]);
  });

  it("applies decreed transfers: working Saturday 4 May 2024, day off Wednesday 8 May 2024", () => {
    expect(working(["2024-05-04", "2024-05-07", "2024-05-08", "2024-05-09", "2024-05-10"])).toEqual([
      ["2024-05-04", true],
      ["2024-05-07", false],
      ["2024-05-08", false],
      ["2024-05-09", false],
      ["2024-05-10", true],
    ]);
  });

  it("a decreed working day cancels the computed move (Victory Day 2020 given on Friday 8 May)", () => {
    expect(working(["2020-05-08", "2020-05-11"])).toEqual([
      ["2020-05-08", false],
      ["2020-05-11", true],
    ]);
  });

  it("follows the holiday list changes of 2022", () => {
    expect(working(["2021-12-01", "2021-12-17", "2022-12-01", "2023-10-25", "2023-12-15"])).toEqual([
      ["2021-12-01", false],
      ["2021-12-17", false],
      ["2022-12-01", true],
      ["2023-10-25", false],
      ["2023-12-15", true],
    ]);
  });

  it("lists holidays and computed days off in the config", () => {
    const config = buildNationalCalendarConfig({ years: { from: 2026, to: 2026 } });
    expect(config.holidays).toContain("2026-05-27");
    expect(config.extraDaysOff).toEqual([
      "2026-03-09",
      "2026-03-24",
      "2026-03-25",
      "2026-05-11",
      "2026-08-31",
      "2026-10-26",
    ]);
    expect(config.years).toEqual({ from: 2026, to: 2026 });
  });

  it("an every-day office still closes on holidays", () => {
    const everyDay = createNationalCalendar({
      years: { from: 2026, to: 2026 },
      workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
    });
    expect(isWorkingDay(everyDay, "2026-03-07")).toBe(true);
    expect(isWorkingDay(everyDay, "2026-03-08")).toBe(false);
  });
});
