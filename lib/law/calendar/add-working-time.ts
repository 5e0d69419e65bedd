import type { TTerm } from "./config-schema";
import { tablesOf, type Calendar } from "./create-calendar";
import { MINUTE_MS } from "./iso-date";
import {
  dayIndexOf,
  instantAtWorkingMs,
  instantMs,
  nextWorkingMs,
  nthWorkingDayAfter,
  outOfRange,
  workingMsBefore,
} from "./table-lookups";

const HOUR_MS = 60 * MINUTE_MS;

/**
 * The instant a term started at `start` runs out.
 * - minutes / hours: working time only; from a non-working instant counting starts at the next
 *   working instant; a count that fills a period exactly ends at its end (13:00, not 14:30).
 *   A zero term gives the next working instant.
 * - workingDays: closing time of the N-th working day after the local day of `start`
 *   (the start day never counts); 0 = closing time of the first working day on or after it.
 * - calendarDays: 23:59:59.999 local of the N-th calendar day after the start day, or, when that
 *   day is not a working day, closing time of the next working day.
 * Throws CalendarRangeError when the result would leave the configured years.
 */
export function addWorkingTime(calendar: Calendar, start: Date, term: TTerm): Date {
  const tb = tablesOf(calendar);
  const t = instantMs(start);
  const v = term.value;
  switch (term.unit) {
    case "workingDays": {
      assertWhole(v, term.unit);
      return new Date(tb.closing[nthWorkingDayAfter(tb, dayIndexOf(tb, t), v)]!);
    }
    case "calendarDays": {
      assertWhole(v, term.unit);
      const d = dayIndexOf(tb, t) + v;
      if (d >= tb.days) throw outOfRange(tb, "the end of the term");
      if (tb.working[d] === 1) return new Date(tb.dayStart[d + 1]! - 1);
      return new Date(tb.closing[nthWorkingDayAfter(tb, d, 1)]!);
    }
    case "minutes":
    case "hours": {
      if (!(v >= 0) || v === Infinity)
        throw new RangeError(`calendar: term value must be a non-negative number, got ${v}`);
      const ms = Math.round(v * (term.unit === "hours" ? HOUR_MS : MINUTE_MS));
      if (ms === 0) return new Date(nextWorkingMs(tb, t));
      return new Date(instantAtWorkingMs(tb, workingMsBefore(tb, t) + ms));
    }
    default:
      throw new TypeError(`calendar: unknown term unit ${String((term as { unit: unknown }).unit)}`);
  }
}

function assertWhole(v: number, unit: string): void {
  if (!Number.isInteger(v) || v < 0)
    throw new RangeError(`calendar: ${unit} must be a whole non-negative number, got ${v}`);
}
