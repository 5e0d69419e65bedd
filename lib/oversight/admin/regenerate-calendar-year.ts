import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { calendarYearWarnings } from "./calendar-checks";
import { ZCalendarYearRef, type TCalendarYearRef } from "./calendar-schemas";
import { inTransaction, type AdminCtx } from "./admin-context";
import { nationalCoverage, nationalDays, writeCalendarYear } from "./write-calendar-year";

/** Replaces a year's lists with the national data (holidays, weekend-moved days off, decreed transfers). */
export async function regenerateCalendarYear(db: DbOrTx, actor: Actor, raw: TCalendarYearRef, ctx: AdminCtx) {
  assertCan(actor, "admin.calendar");
  const { year } = ZCalendarYearRef.parse(raw);
  const days = nationalDays(year);
  if (!days) throw new DomainError("admin.calendar.not_covered", { year, coverage: nationalCoverage() });
  return inTransaction(db, async (tx) => {
    const before = await tx.calendarYear.findUnique({ where: { year } });
    await writeCalendarYear(tx, actor, ctx, "admin.calendar_year_regenerated", year, before, days);
    return { year, ...days, warnings: calendarYearWarnings(days) };
  });
}
