import { almatyDate, almatyOffsetMs } from "@/lib/platform/i18n";
import { minutesOfDay, type TOrganisation } from "./schema";

/**
 * Whether an organisation receives visitors at `at` by its data (Almaty time): a working weekday,
 * inside the reception hours and outside the breaks. A Public Service Centre: Monday to Saturday
 * 09:00–20:00 without a break [004 L626-632]. Public holidays are the calendar's, passed as dates.
 */
export function isOpenAt(org: Pick<TOrganisation, "workingDays" | "receptionHours">, at: Date, holidays: readonly string[] = []): boolean {
  const date = almatyDate(at);
  if (holidays.includes(date)) return false;
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  if (!org.workingDays.includes(weekday)) return false;
  const local = new Date(at.getTime() + almatyOffsetMs(at));
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const { start, end, breaks } = org.receptionHours;
  if (minute < minutesOfDay(start) || minute >= minutesOfDay(end)) return false;
  return !breaks.some(([a, b]) => minute >= minutesOfDay(a) && minute < minutesOfDay(b));
}
