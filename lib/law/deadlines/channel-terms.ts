import { closingTime, isWorkingDay, localDate, type Calendar } from "@/lib/law/calendar";
import { addDays, almatyDate, almatyDayStart } from "@/lib/platform/i18n";
import type { TPscRules } from "@/lib/law/catalogue";
import { withinCalendar } from "./compute-due-at";

/** How an application reached the provider (the Prisma enum `Channel`). */
export type TApplicationChannel = "PORTAL" | "PROVIDER" | "PSC" | "POST";

/**
 * When the standard's term starts:
 * - PSC: the day of acceptance at the centre is not counted [004 L607], so the term starts at 00:00
 *   (Almaty) of the next calendar day;
 * - POST: on the day the letter reached the office [004 L2616-2619, L7855-7858] (00:00 of that day,
 *   which counts like the opening of the office);
 * - portal and counter: at the submission instant.
 */
export function termStartFor(input: { channel: TApplicationChannel; submittedAt: Date; receivedByPostOn?: string | null; psc?: Pick<TPscRules, "acceptanceDayExcluded"> | null }): Date {
  if (input.channel === "PSC" && (input.psc?.acceptanceDayExcluded ?? true)) return almatyDayStart(almatyDate(input.submittedAt), 1);
  if (input.channel === "POST") {
    if (!input.receivedByPostOn) throw new RangeError("termStartFor: a postal application needs its date of receipt");
    const start = almatyDayStart(input.receivedByPostOn);
    if (start > input.submittedAt) throw new RangeError("termStartFor: the date of receipt is after the registration");
    return start;
  }
  return input.submittedAt;
}

/**
 * The provider delivers the result to the PSC one working day before the term ends [004 L608-609]:
 * the closing time of the last working day before the day on which the term ends.
 */
export function pscDeliveryDueAt(calendar: Calendar, dueAt: Date, before: { value: number; unit: "workingDays" } = { value: 1, unit: "workingDays" }): Date {
  return withinCalendar(() => {
    let day = localDate(calendar, dueAt);
    let left = before.value;
    // A year has at most a few dozen days off in a row; 400 guards against a calendar without working days.
    for (let i = 0; i < 400 && left > 0; i++) {
      day = addDays(day, -1);
      if (isWorkingDay(calendar, day)) left--;
    }
    return closingTime(calendar, day);
  });
}

/**
 * An uncollected result is kept at the PSC for a month after the date given on the receipt (the
 * term), then returned to the provider [004 L758-760]. A result that reached the centre after the
 * term is kept a month from its arrival. Returns the first instant at which it may be returned: the
 * end (00:00 of the next day) of the same date `months` later, or of the month's last day.
 */
export function pscKeepUntil(input: { dueAt: Date; resultAt: Date; months?: number }): Date {
  const from = input.resultAt > input.dueAt ? input.resultAt : input.dueAt;
  const [y, m, d] = almatyDate(from).split("-").map(Number) as [number, number, number];
  const months = input.months ?? 1;
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const target = new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
  return almatyDayStart(target, 1);
}
