import { tablesOf, type Calendar } from "./create-calendar";
import { MINUTE_MS, parseIsoDate } from "./iso-date";
import { dayIndexOf, dayIndexOfIso, instantMs, isoOfDayIndex, nextWorkingMs, workingMsBefore } from "./table-lookups";

/** Working minutes in [a, b); negative when b < a. Fractional when the instants are not on whole minutes. */
export function workingTimeBetween(calendar: Calendar, a: Date, b: Date): number {
  const tb = tablesOf(calendar);
  return (workingMsBefore(tb, instantMs(b)) - workingMsBefore(tb, instantMs(a))) / MINUTE_MS;
}

/** Working minutes in [a, b) rounded to whole minutes, never negative: what a completed step stores. */
export function wholeWorkingMinutes(calendar: Calendar, a: Date, b: Date): number {
  return Math.max(0, Math.round(workingTimeBetween(calendar, a, b)));
}

/** True inside working hours of a working day; opening time counts, closing time and break starts do not. */
export function isWorkingTime(calendar: Calendar, t: Date): boolean {
  const tb = tablesOf(calendar);
  const ms = instantMs(t);
  const d = dayIndexOf(tb, ms);
  for (let k = tb.dayIv[d]!; k < tb.dayIv[d + 1]!; k++) {
    if (ms >= tb.ivStart[k]! && ms < tb.ivEnd[k]!) return true;
  }
  return false;
}

/** `t` itself when it is working time, otherwise the next opening (after a break, night, weekend or holiday). */
export function nextWorkingInstant(calendar: Calendar, t: Date): Date {
  return new Date(nextWorkingMs(tablesOf(calendar), instantMs(t)));
}

export function isWorkingDay(calendar: Calendar, isoDate: string): boolean {
  const tb = tablesOf(calendar);
  return tb.working[dayIndexOfIso(tb, parseIsoOrThrow(isoDate), isoDate)] === 1;
}

/** The local calendar date ("YYYY-MM-DD") of an instant, in the calendar's time zone. */
export function localDate(calendar: Calendar, t: Date): string {
  const tb = tablesOf(calendar);
  return isoOfDayIndex(tb, dayIndexOf(tb, instantMs(t)));
}

/** Closing instant of a date by the working hours (the end of the day's last working period); given for days off too. */
export function closingTime(calendar: Calendar, isoDate: string): Date {
  const tb = tablesOf(calendar);
  return new Date(tb.closing[dayIndexOfIso(tb, parseIsoOrThrow(isoDate), isoDate)]!);
}

function parseIsoOrThrow(isoDate: string): number {
  const dn = parseIsoDate(isoDate);
  if (dn === null) throw new RangeError(`calendar: not a date YYYY-MM-DD: ${isoDate}`);
  return dn;
}
