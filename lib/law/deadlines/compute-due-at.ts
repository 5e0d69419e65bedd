import { addWorkingTime, CalendarRangeError, type Calendar, type TTerm } from "@/lib/law/calendar";
import { DomainError } from "@/lib/platform/core";

/** Runs calendar arithmetic, turning "outside the configured years" into a user-facing error. */
export function withinCalendar<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CalendarRangeError)
      throw new DomainError("deadlines.calendar_out_of_range", { message: e.message });
    throw e;
  }
}

/**
 * Due instant of a step or of a whole application. `term` is one term or a list of terms run one
 * after another (for example a regulation's steps "15 min + 3 h + 5 wd"); for the overall term of a
 * standard, pass `startedAt` = registration.
 */
export function computeDueAt(calendar: Calendar, startedAt: Date, term: TTerm | readonly TTerm[]): Date {
  const terms: readonly TTerm[] = Array.isArray(term) ? term : [term as TTerm];
  if (terms.length === 0) throw new RangeError("deadlines: at least one term is required");
  return withinCalendar(() => terms.reduce<Date>((at, t) => addWorkingTime(calendar, at, t), startedAt));
}
