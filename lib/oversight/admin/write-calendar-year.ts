import type { Actor } from "@/lib/platform/auth";
import { expandNationalDays, kzHolidayData } from "@/lib/law/calendar";
import { DomainError } from "@/lib/platform/core";
import type { Tx } from "@/lib/platform/db";
import type { TCalendarDays } from "./calendar-checks";
import { auditAdmin, type AdminCtx } from "./admin-context";

/** The years the bundled national data can regenerate (lib/law/calendar/data/kz-holidays.json). */
export function nationalCoverage(): { from: number; to: number } {
  return kzHolidayData().coverage;
}

/** A year's lists from the national data, or null when the data do not cover it. */
export function nationalDays(year: number): TCalendarDays | null {
  const { from, to } = nationalCoverage();
  if (year < from || year > to) return null;
  return expandNationalDays(kzHolidayData(), year, year);
}

/**
 * Writes a year (compare-and-swap on `updatedAt` when it exists, so a concurrent edit is refused
 * rather than silently overwritten) and its audit row with the dates added and removed per list.
 */
export async function writeCalendarYear(
  tx: Tx,
  actor: Actor,
  ctx: AdminCtx,
  type: string,
  year: number,
  before: (TCalendarDays & { updatedAt: Date }) | null,
  days: TCalendarDays,
  extra: Record<string, unknown> = {},
) {
  const updatedById = actor.kind === "user" ? actor.userId : null;
  if (before) {
    const n = await tx.calendarYear.updateMany({ where: { year, updatedAt: before.updatedAt }, data: { ...days, updatedById } });
    if (n.count !== 1) throw new DomainError("admin.stale");
  } else {
    await tx.calendarYear.create({ data: { year, ...days, updatedById } });
  }
  await auditAdmin(tx, actor, ctx, {
    type,
    entityType: "calendar_year",
    entityId: String(year),
    data: { ...extra, ...diff(before, days) },
  });
}

/** Added and removed dates per list, so the audit trail says what changed without the whole year. */
function diff(before: TCalendarDays | null, after: TCalendarDays) {
  const out: Record<string, { added: string[]; removed: string[] }> = {};
  for (const k of ["holidays", "extraWorkingDays", "extraDaysOff"] as const) {
    const b = new Set(before?.[k] ?? []);
    const a = new Set(after[k]);
    out[k] = { added: after[k].filter((d) => !b.has(d)), removed: [...b].filter((d) => !a.has(d)) };
  }
  return out;
}
