import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { ZCalendarYearRef, type TCalendarYearRef } from "./calendar-schemas";
import { inTransaction, type AdminCtx } from "./admin-context";
import { nationalDays, writeCalendarYear } from "./write-calendar-year";

/**
 * Adds a year: from the national data when they cover it, otherwise with no holidays yet (only
 * weekends are days off until the administrator enters them).
 */
export async function addCalendarYear(db: DbOrTx, actor: Actor, raw: TCalendarYearRef, ctx: AdminCtx) {
  assertCan(actor, "admin.calendar");
  const { year } = ZCalendarYearRef.parse(raw);
  const national = nationalDays(year);
  const days = national ?? { holidays: [], extraWorkingDays: [], extraDaysOff: [] };
  const source = national ? ("national" as const) : ("empty" as const);
  const exists = () => new DomainError("admin.calendar.year_exists", { fieldErrors: { year: "admin.calendar.year_exists" } });
  return inTransaction(db, async (tx) => {
    if (await tx.calendarYear.findUnique({ where: { year }, select: { year: true } })) throw exists();
    await writeCalendarYear(tx, actor, ctx, "admin.calendar_year_added", year, null, days, { source });
    return { year, source, ...days };
  }).catch((e: unknown) => {
    // Two administrators adding the same year at once: the primary key decides.
    if ((e as { code?: unknown })?.code === "P2002") throw exists();
    throw e;
  });
}
