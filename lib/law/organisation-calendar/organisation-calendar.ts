import { createCalendar, type Calendar, type TWorkingHours } from "@/lib/law/calendar";
import type { DbOrTx } from "@/lib/platform/db";

type CacheEntry = { calendar: Calendar; stamp: string };
const cache = new Map<string, CacheEntry>();

/**
 * The working-time calendar of one organisation: its own working hours with the national
 * holidays and transfers that administrators keep per year (CalendarYear). Cached until a
 * calendar year or the organisation's hours change.
 */
export async function loadOrganisationCalendar(db: DbOrTx, organisationId: string): Promise<Calendar> {
  const [org, years, latest] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { workingHours: true, updatedAt: true } }),
    db.calendarYear.aggregate({ _min: { year: true }, _max: { year: true }, _count: { year: true } }),
    db.calendarYear.aggregate({ _max: { updatedAt: true } }),
  ]);
  const stamp = `${org.updatedAt.toISOString()}|${latest._max.updatedAt?.toISOString()}|${years._count.year}`;
  const hit = cache.get(organisationId);
  if (hit && hit.stamp === stamp) return hit.calendar;

  const rows = await db.calendarYear.findMany({ orderBy: { year: "asc" } });
  const calendar = createCalendar({
    timeZone: "Asia/Almaty",
    workingHours: org.workingHours as TWorkingHours,
    holidays: rows.flatMap((r) => r.holidays),
    extraWorkingDays: rows.flatMap((r) => r.extraWorkingDays),
    extraDaysOff: rows.flatMap((r) => r.extraDaysOff),
    // Years after the last configured one count weekdays only until an administrator adds them.
    years: { from: years._min.year ?? 2013, to: 2100 },
  });
  cache.set(organisationId, { calendar, stamp });
  return calendar;
}
