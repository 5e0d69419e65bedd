import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { calendarYearWarnings } from "./calendar-checks";
import { userNames } from "./user-names";
import { nationalCoverage } from "./write-calendar-year";

/** One year with its dates and the warnings an administrator should see. */
export async function getCalendarYear(db: DbOrTx, actor: Actor, year: number) {
  assertCan(actor, "admin.calendar");
  const row = await db.calendarYear.findUnique({ where: { year } });
  if (!row) throw new DomainError("errors.not_found");
  const editors = await userNames(db, [row.updatedById]);
  const coverage = nationalCoverage();
  return {
    ...row,
    updatedBy: row.updatedById ? (editors.get(row.updatedById) ?? null) : null,
    national: year >= coverage.from && year <= coverage.to,
    warnings: calendarYearWarnings(row),
  };
}
