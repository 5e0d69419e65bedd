import type { Calendar } from "@/lib/law/calendar";
import { classify, remaining, type TDeadlineStatus } from "@/lib/law/deadlines";
import { DUE_SOON_WORKING_MINUTES } from "@/lib/cases/deadline-sweep";

/**
 * A step's countdown in working time of the organisation's calendar: the level (as the deadline
 * sweep classifies it) and the working time left, or by which it is overdue, split into working
 * days of that calendar, hours and minutes. The UI words it ("2 h 15 min left").
 */
export type TCountdown = {
  level: TDeadlineStatus;
  /** Absolute working minutes left (or overdue by). */
  workingMinutes: number;
  days: number;
  hours: number;
  minutes: number;
};

function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Working minutes in one ordinary working day of the calendar (hours minus breaks). */
export function workingDayMinutes(calendar: Calendar): number {
  const wh = calendar.config.workingHours;
  const breaks = wh.breaks.reduce((s, [a, b]) => s + clockMinutes(b) - clockMinutes(a), 0);
  return clockMinutes(wh.end) - clockMinutes(wh.start) - breaks;
}

export function countdown(calendar: Calendar, dueAt: Date, now: Date, dueSoonWorkingMinutes = DUE_SOON_WORKING_MINUTES): TCountdown | null {
  try {
    const level = classify(calendar, dueAt, now, { dueSoonWorkingMinutes });
    const total = Math.floor(Math.abs(remaining(calendar, dueAt, now).workingMinutes));
    const perDay = Math.max(1, workingDayMinutes(calendar));
    const days = Math.floor(total / perDay);
    const rest = total - days * perDay;
    return { level, workingMinutes: total, days, hours: Math.floor(rest / 60), minutes: rest % 60 };
  } catch {
    // An instant outside the calendar's years: the page falls back to the stored level.
    return null;
  }
}
