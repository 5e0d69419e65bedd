/** Pure checks of one calendar year as an administrator edits it (no database, no clock). */

export const CALENDAR_LISTS = ["holidays", "extraWorkingDays", "extraDaysOff"] as const;
export type TCalendarList = (typeof CALENDAR_LISTS)[number];
export type TCalendarDays = Record<TCalendarList, string[]>;

export type TCalendarWarning = { code: "admin.calendar.warn_day_off_weekend" | "admin.calendar.warn_working_weekday" | "admin.calendar.warn_holiday_and_day_off"; date: string; list: TCalendarList };

/** ISO weekday of an ISO date: 1 = Monday … 7 = Sunday; null when the date does not exist. */
export function isoWeekdayOf(iso: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return null;
  return ((d.getUTCDay() + 6) % 7) + 1;
}

const isWeekend = (iso: string) => (isoWeekdayOf(iso) ?? 0) >= 6;

/** Trimmed, de-duplicated and sorted (ISO dates sort as strings). */
export function normaliseDates(list: readonly string[]): string[] {
  return [...new Set(list.map((s) => s.trim()).filter(Boolean))].sort();
}

/**
 * Field errors (path → message code) of a year's lists: every date must exist and lie in that year,
 * and no date may be both a day off (holiday or extra day off) and an extra working day — the
 * calendar would reject it. Paths index the list as given (`extraWorkingDays.2`).
 */
export function calendarYearErrors(year: number, days: TCalendarDays): Record<string, string> {
  const errors: Record<string, string> = {};
  const off = new Set([...days.holidays, ...days.extraDaysOff].map((s) => s.trim()));
  const working = new Set(days.extraWorkingDays.map((s) => s.trim()));
  for (const list of CALENDAR_LISTS) {
    days[list].forEach((raw, i) => {
      const iso = raw.trim();
      const path = `${list}.${i}`;
      if (!iso) return;
      if (isoWeekdayOf(iso) === null) errors[path] = "admin.calendar.date_invalid";
      else if (Number(iso.slice(0, 4)) !== year) errors[path] = "admin.calendar.date_outside_year";
      else if (list === "extraWorkingDays" ? off.has(iso) : working.has(iso)) errors[path] = "admin.calendar.date_off_and_working";
    });
  }
  return errors;
}

/**
 * Things that are allowed but probably a mistake: a transferred day off on a weekend (it is off
 * anyway), a transferred working day on a weekday (it is working anyway), a holiday listed again
 * as an extra day off.
 */
export function calendarYearWarnings(days: TCalendarDays): TCalendarWarning[] {
  const out: TCalendarWarning[] = [];
  const holidays = new Set(days.holidays);
  for (const date of days.extraDaysOff) {
    if (holidays.has(date)) out.push({ code: "admin.calendar.warn_holiday_and_day_off", date, list: "extraDaysOff" });
    else if (isWeekend(date)) out.push({ code: "admin.calendar.warn_day_off_weekend", date, list: "extraDaysOff" });
  }
  for (const date of days.extraWorkingDays) {
    if (isoWeekdayOf(date) !== null && !isWeekend(date)) out.push({ code: "admin.calendar.warn_working_weekday", date, list: "extraWorkingDays" });
  }
  return out;
}
