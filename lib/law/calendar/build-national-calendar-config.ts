import kzHolidaysJson from "./data/kz-holidays.json";
import { CalendarConfigError, type TCalendarConfigInput, type TWorkingHours } from "./config-schema";
import { createCalendar, type Calendar } from "./create-calendar";
import { KZ_HOLIDAYS_FILE, parseHolidayData, type THolidayData } from "./holiday-data-schema";
import { formatDayNumber, isoWeekday, parseIsoDate, yearOfDayNumber } from "./iso-date";

let bundled: THolidayData | undefined;

/** The bundled national holiday data, validated on first use. */
export function kzHolidayData(): THolidayData {
  return (bundled ??= parseHolidayData(kzHolidaysJson, KZ_HOLIDAYS_FILE));
}

export type NationalCalendarOptions = {
  /** Defaults to the years the data covers; must lie within them. */
  years?: { from: number; to: number };
  workingHours?: TWorkingHours | { start: string; end: string; breaks?: Array<[string, string]> };
  workingWeekdays?: number[];
  timeZone?: string;
  data?: THolidayData;
  /** Names the data source in error messages. */
  dataFileName?: string;
};

export type NationalDays = {
  holidays: string[];
  /** Weekend-moved holiday days off plus decreed days off. */
  extraDaysOff: string[];
  extraWorkingDays: string[];
};

const isWeekend = (dn: number) => isoWeekday(dn) >= 6;

/**
 * Expands the holiday data for a span of years: holidays as listed, plus the rule that a
 * non-religious holiday on Saturday or Sunday gives a day off on the next working day
 * (Labour Code art. 85 p. 2), plus decreed transfers. A decreed working day cancels a computed
 * moved day off on the same date.
 */
export function expandNationalDays(
  data: THolidayData,
  from: number,
  to: number,
  fileName = KZ_HOLIDAYS_FILE,
): NationalDays {
  if (from > to || from < data.coverage.from || to > data.coverage.to)
    throw new CalendarConfigError(
      `Invalid holiday data in ${fileName}: coverage: years ${from}–${to} requested, the file covers ${data.coverage.from}–${data.coverage.to}`,
    );
  const inRange = (dn: number) => {
    const y = yearOfDayNumber(dn);
    return y >= from && y <= to;
  };
  const holidays = new Map<number, boolean>(); // day number → religious
  for (let y = from; y <= to; y++) {
    for (const h of data.fixedHolidays) {
      if ((h.fromYear !== undefined && y < h.fromYear) || (h.toYear !== undefined && y > h.toYear)) continue;
      const dn = parseIsoDate(`${y}-${h.monthDay}`);
      if (dn !== null) holidays.set(dn, (holidays.get(dn) ?? true) && h.religious);
    }
  }
  for (const h of data.movableHolidays) {
    for (const iso of h.dates) {
      const dn = parseIsoDate(iso)!;
      if (inRange(dn)) holidays.set(dn, (holidays.get(dn) ?? true) && h.religious);
    }
  }

  const decreedOff = new Set<number>();
  const decreedWorking = new Set<number>();
  for (const [year, t] of Object.entries(data.transfers)) {
    t.extraDaysOff.forEach((iso) => decreedOff.add(parseIsoDate(iso)!));
    t.extraWorkingDays.forEach((iso, i) => {
      const dn = parseIsoDate(iso)!;
      if (holidays.has(dn) || t.extraDaysOff.includes(iso))
        throw new CalendarConfigError(
          `Invalid holiday data in ${fileName}: transfers.${year}.extraWorkingDays[${i}]: ${iso} is also a holiday or day off`,
        );
      decreedWorking.add(dn);
    });
  }

  const moved = new Set<number>();
  for (const [dn, religious] of [...holidays].sort((a, b) => a[0] - b[0])) {
    if (religious || !isWeekend(dn)) continue;
    let next = dn + 1;
    while (isWeekend(next) || holidays.has(next) || moved.has(next) || decreedOff.has(next)) next++;
    moved.add(next);
  }

  const toIso = (s: Iterable<number>) =>
    [...s]
      .filter(inRange)
      .sort((a, b) => a - b)
      .map(formatDayNumber);
  const off = new Set([...moved].filter((dn) => !decreedWorking.has(dn)));
  decreedOff.forEach((dn) => off.add(dn));
  return {
    holidays: toIso(holidays.keys()),
    extraDaysOff: toIso([...off].filter((dn) => !holidays.has(dn))),
    extraWorkingDays: toIso(decreedWorking),
  };
}

/** A calendar config for Kazakhstan: national holidays and transfers for the given years. */
export function buildNationalCalendarConfig(options: NationalCalendarOptions = {}): TCalendarConfigInput {
  const data = options.data ?? kzHolidayData();
  const years = options.years ?? data.coverage;
  const days = expandNationalDays(data, years.from, years.to, options.dataFileName ?? KZ_HOLIDAYS_FILE);
  return {
    timeZone: options.timeZone ?? "Asia/Almaty",
    ...(options.workingHours ? { workingHours: options.workingHours } : {}),
    ...(options.workingWeekdays ? { workingWeekdays: options.workingWeekdays } : {}),
    ...days,
    years: { from: years.from, to: years.to },
  };
}

export function createNationalCalendar(options: NationalCalendarOptions = {}): Calendar {
  return createCalendar(buildNationalCalendarConfig(options));
}
