import { assertCan, type Actor } from "@/lib/platform/auth";
import type { DbOrTx } from "@/lib/platform/db";
import { calendarYearWarnings } from "./calendar-checks";
import { userNames } from "./user-names";
import { nationalCoverage } from "./write-calendar-year";

/** CalendarYear rows, newest first, with counts and who changed them last. */
export async function listCalendarYears(db: DbOrTx, actor: Actor) {
  assertCan(actor, "admin.calendar");
  const rows = await db.calendarYear.findMany({ orderBy: { year: "desc" } });
  const editors = await userNames(db, rows.map((r) => r.updatedById));
  const coverage = nationalCoverage();
  return rows.map((r) => ({
    year: r.year,
    holidays: r.holidays.length,
    extraWorkingDays: r.extraWorkingDays.length,
    extraDaysOff: r.extraDaysOff.length,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedById ? (editors.get(r.updatedById) ?? null) : null,
    national: r.year >= coverage.from && r.year <= coverage.to,
    warnings: calendarYearWarnings(r).length,
  }));
}
