import { workingTimeBetween, type Calendar } from "@/lib/law/calendar";
import type { TDeadlineStatus } from "./deadline-types";
import { withinCalendar } from "./compute-due-at";

export type TRemaining = {
  /** Working minutes from now to the due instant; negative when overdue. */
  workingMinutes: number;
  /** Calendar milliseconds from now to the due instant; negative when overdue. */
  calendarMs: number;
};

export function remaining(calendar: Calendar, dueAt: Date, now: Date): TRemaining {
  return withinCalendar(() => ({
    workingMinutes: workingTimeBetween(calendar, now, dueAt),
    calendarMs: dueAt.getTime() - now.getTime(),
  }));
}

/**
 * "overdue" once `now` is past the due instant (a result at the due instant itself is in time);
 * "due_soon" when at most `dueSoonWorkingMinutes` working minutes are left; otherwise "on_time".
 */
export function classify(
  calendar: Calendar,
  dueAt: Date,
  now: Date,
  options: { dueSoonWorkingMinutes: number },
): TDeadlineStatus {
  if (!(options.dueSoonWorkingMinutes >= 0)) throw new RangeError("deadlines: dueSoonWorkingMinutes must be >= 0");
  if (now.getTime() > dueAt.getTime()) return "overdue";
  return remaining(calendar, dueAt, now).workingMinutes <= options.dueSoonWorkingMinutes ? "due_soon" : "on_time";
}
