import { createCalendar, type Calendar, type TWorkingHours } from "@/lib/law/calendar";
import type { DbOrTx } from "@/lib/platform/db";

type CacheEntry = { calendar: Calendar; stamp: string };
const cache = new Map<string, CacheEntry>();

/**
 * The working-time calendar of one organisation: its own working hours with the national
 * holidays and transfers that administrators keep per year (CalendarYear). Cached per process
 * until a calendar year or the organisation changes — checked on every call with one small
 * query, so an edit made through any instance takes effect on all of them at once.
 */
export async function loadOrganisationCalendar(db: DbOrTx, organisationId: string): Promise<Calendar> {
  const [org, [years]] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { workingHours: true, updatedAt: true } }),
    // Every year's own updatedAt, not the latest: another instance's clock may be behind ours, so
    // a later edit can carry an earlier timestamp. Any change of any row changes this digest.
    db.$queryRaw<{ digest: string | null; first: number | null }[]>`
      SELECT md5(string_agg(year::text || ':' || "updatedAt"::text, ',' ORDER BY year)) AS digest, min(year)::int AS first FROM "CalendarYear"`,
  ]);
  const stamp = `${org.updatedAt.toISOString()}|${years?.digest ?? "-"}`;
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
    years: { from: years?.first ?? 2013, to: 2100 },
  });
  cache.set(organisationId, { calendar, stamp });
  return calendar;
}
