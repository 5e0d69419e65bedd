import { createCalendar, type Calendar, type TWorkingHours } from "@/lib/law/calendar";
import { Prisma, type DbOrTx } from "@/lib/platform/db";
import { getOrganisation } from "@/lib/law/organisations";

type CacheEntry = { calendar: Calendar; stamp: string };
const cache = new Map<string, CacheEntry>();

/**
 * The digest of every calendar year (each year's own updatedAt, not the latest: another instance's
 * clock may be behind ours, so a later edit can carry an earlier timestamp; any change of any row
 * changes this digest) and the first configured year. A fragment, so that a caller can read it
 * with the organisation in the same statement (`calendarFromStamp`).
 */
export const CALENDAR_YEARS_DIGEST_SQL = Prisma.sql`
  SELECT md5(string_agg(year::text || ':' || "updatedAt"::text, ',' ORDER BY year)) AS digest, min(year)::int AS first FROM "CalendarYear"`;

/** What decides whether a cached calendar is still valid: the organisation's row and the years' digest. */
export type CalendarStamp = {
  organisation: { code: string; workingHours: unknown; updatedAt: Date };
  years: { digest: string | null; first: number | null } | undefined;
};

/**
 * The working-time calendar of one organisation: its own working hours with the national
 * holidays and transfers that administrators keep per year (CalendarYear). Cached per process
 * until a calendar year or the organisation changes — checked on every call with one small
 * query, so an edit made through any instance takes effect on all of them at once.
 */
export async function loadOrganisationCalendar(db: DbOrTx, organisationId: string, opts: { serviceCode?: string | null } = {}): Promise<Calendar> {
  const [organisation, [years]] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { code: true, workingHours: true, updatedAt: true } }),
    db.$queryRaw<{ digest: string | null; first: number | null }[]>(CALENDAR_YEARS_DIGEST_SQL),
  ]);
  return calendarFromStamp(db, organisationId, { organisation, years }, opts);
}

/** `loadOrganisationCalendar` with the stamp already read by the caller (the cache is the same). */
export async function calendarFromStamp(db: DbOrTx, organisationId: string, stampRow: CalendarStamp, opts: { serviceCode?: string | null } = {}): Promise<Calendar> {
  const { organisation: org, years } = stampRow;
  // A standard's own hours for its service (standards 2 and 10 at the Committee: 09:00–18:30
  // [004 L618-620, L9197-9200]) replace the office's for that service's deadlines.
  const own = opts.serviceCode ? serviceWorkingHours(org.code, opts.serviceCode) : null;
  const key = own ? `${organisationId}|${opts.serviceCode}` : organisationId;
  const stamp = `${org.updatedAt.toISOString()}|${years?.digest ?? "-"}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.calendar;

  const rows = await db.calendarYear.findMany({ orderBy: { year: "asc" } });
  const calendar = createCalendar({
    timeZone: "Asia/Almaty",
    workingHours: own ?? (org.workingHours as TWorkingHours),
    holidays: rows.flatMap((r) => r.holidays),
    extraWorkingDays: rows.flatMap((r) => r.extraWorkingDays),
    extraDaysOff: rows.flatMap((r) => r.extraDaysOff),
    // Years after the last configured one count weekdays only until an administrator adds them.
    years: { from: years?.first ?? 2013, to: 2100 },
  });
  cache.set(key, { calendar, stamp });
  return calendar;
}

/** The working hours a standard sets for one service of an organisation, if they differ from the office's. */
export function serviceWorkingHours(organisationCode: string, serviceCode: string): TWorkingHours | null {
  const entry = getOrganisation(organisationCode)?.serviceHours.find((h) => h.services.includes(serviceCode));
  return entry ? { start: entry.workingHours.start, end: entry.workingHours.end, breaks: entry.workingHours.breaks.map(([a, b]) => [a, b] as [string, string]) } : null;
}
