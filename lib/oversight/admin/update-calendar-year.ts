import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { calendarYearWarnings, normaliseDates, type TCalendarDays } from "./calendar-checks";
import { ZUpdateCalendarYearInput, type TUpdateCalendarYearInput } from "./calendar-schemas";
import { inTransaction, isStale, type AdminCtx } from "./admin-context";
import { writeCalendarYear } from "./write-calendar-year";

/**
 * Holidays, transferred working days and transferred days off of one year. Deadlines computed
 * afterwards use them (the organisation calendar cache is keyed on the latest `updatedAt`);
 * applications already running keep the due instants computed before.
 */
export async function updateCalendarYear(db: DbOrTx, actor: Actor, raw: TUpdateCalendarYearInput, ctx: AdminCtx) {
  assertCan(actor, "admin.calendar");
  const input = ZUpdateCalendarYearInput.parse(raw);
  const days: TCalendarDays = {
    holidays: normaliseDates(input.holidays),
    extraWorkingDays: normaliseDates(input.extraWorkingDays),
    extraDaysOff: normaliseDates(input.extraDaysOff),
  };
  return inTransaction(db, async (tx) => {
    const before = await tx.calendarYear.findUnique({ where: { year: input.year } });
    if (!before) throw new DomainError("errors.not_found");
    if (isStale(input.expectedUpdatedAt, before.updatedAt)) throw new DomainError("admin.stale");
    await writeCalendarYear(tx, actor, ctx, "admin.calendar_year_updated", input.year, before, days);
    return { year: input.year, ...days, warnings: calendarYearWarnings(days) };
  });
}
