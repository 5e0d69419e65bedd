/**
 * Hot-path primitives over CalendarTables. "Working ms" W(t) = working time from the start of the
 * covered years up to instant t; every working-time query is a difference or an inverse of W.
 */
import type { CalendarTables } from "./build-tables";
import { DAY_MS, formatDayNumber } from "./iso-date";

/** Thrown when a computation leaves the years the calendar covers. */
export class CalendarRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "CalendarRangeError";
  }
}

export function outOfRange(tb: CalendarTables, what: string): CalendarRangeError {
  return new CalendarRangeError(`calendar: ${what} is outside the configured years ${tb.fromYear}–${tb.toYear}`);
}

export function instantMs(t: Date): number {
  const ms = t.getTime();
  if (ms !== ms) throw new RangeError("calendar: invalid Date");
  return ms;
}

/** Index of the local calendar day containing instant t. */
export function dayIndexOf(tb: CalendarTables, t: number): number {
  const at = tb.tzAt;
  let k = at.length - 1;
  while (k > 0 && t < at[k]!) k--;
  const i = Math.floor((t + tb.tzOffset[k]!) / DAY_MS) - tb.dayNum0;
  if (i < 0 || i >= tb.days) throw outOfRange(tb, new Date(t).toISOString());
  return i;
}

export function dayIndexOfIso(tb: CalendarTables, dayNumber: number, iso: string): number {
  const i = dayNumber - tb.dayNum0;
  if (i < 0 || i >= tb.days) throw outOfRange(tb, iso);
  return i;
}

export function isoOfDayIndex(tb: CalendarTables, i: number): string {
  return formatDayNumber(tb.dayNum0 + i);
}

/** W(t): working ms before instant t. */
export function workingMsBefore(tb: CalendarTables, t: number): number {
  const d = dayIndexOf(tb, t);
  const end = tb.dayIv[d + 1]!;
  for (let k = tb.dayIv[d]!; k < end; k++) {
    const s = tb.ivStart[k]!;
    if (t <= s) return tb.ivCum[k]!;
    if (t < tb.ivEnd[k]!) return tb.ivCum[k]! + (t - s);
  }
  return tb.ivCum[end]!;
}

/** Earliest instant s with W(s) = x, for x > 0 (so s lies inside a working interval or at its end). */
export function instantAtWorkingMs(tb: CalendarTables, x: number): number {
  const cum = tb.ivCum;
  const n = cum.length - 1;
  if (x > cum[n]!) throw outOfRange(tb, "the end of the term");
  // Smallest j in [1, n] with cum[j] >= x; the instant lies in interval j - 1.
  let lo = 1;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  const k = lo - 1;
  return tb.ivStart[k]! + (x - cum[k]!);
}

/** The first working instant at or after t. */
export function nextWorkingMs(tb: CalendarTables, t: number): number {
  const d = dayIndexOf(tb, t);
  const end = tb.dayIv[d + 1]!;
  for (let k = tb.dayIv[d]!; k < end; k++) {
    if (t < tb.ivEnd[k]!) return t >= tb.ivStart[k]! ? t : tb.ivStart[k]!;
  }
  const rank = tb.wdPrefix[d + 1]!;
  if (rank >= tb.wdDays.length) throw outOfRange(tb, "the next working instant");
  return tb.ivStart[tb.dayIv[tb.wdDays[rank]!]!]!;
}

/** Day index of the n-th working day (n >= 1) strictly after day d; n = 0 means the first on or after d. */
export function nthWorkingDayAfter(tb: CalendarTables, d: number, n: number): number {
  const rank = n === 0 ? tb.wdPrefix[d]! : tb.wdPrefix[d + 1]! + n - 1;
  if (rank >= tb.wdDays.length) throw outOfRange(tb, "the end of the term");
  return tb.wdDays[rank]!;
}
