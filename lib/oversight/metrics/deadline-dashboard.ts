import { z } from "zod";
import { Prisma, type DbOrTx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { addDays, almatyDate, almatyMidnight } from "@/lib/platform/i18n";
import { dueSoonLimits, limitsValues } from "./due-soon-limits";
import { eqCondition, orgCondition, resolveOrgScope, type TOrgScope } from "./org-scope";

/** Statuses whose term is running (a suspended application's clock is stopped, see README). */
export const RUNNING_STATUSES = ["SUBMITTED", "IN_PROGRESS"] as const;
export const OPEN_STATUSES = ["SUBMITTED", "IN_PROGRESS", "SUSPENDED"] as const;

export const ZDeadlineFilter = z.object({
  organisationId: z.uuid().optional(),
  service: z.string().min(1).max(100).optional(),
  /** Working hours ahead that count as "due soon" (of each application's organisation). */
  hours: z.coerce.number().int().min(1).max(200).default(8),
});
export type TDeadlineFilter = z.input<typeof ZDeadlineFilter>;

/** Statuses whose current step is on an officer's worklist (the worklists' default filter). */
export const STEP_STATUSES = ["SUBMITTED", "IN_PROGRESS", "DEEMED_ISSUED"] as const;

/**
 * `overdue`, `dueToday`, `dueSoon`: by the application's OVERALL term (`dueAt`, the standard's
 * result date). `step…`: by the CURRENT STEP's due instant (`stepDueAt`), what officers must act on
 * and exactly what the worklists sort and filter by (issue 12 point 6: the dashboard said 0 due
 * today while the clerk had 400 registrations due that morning).
 */
export type TDeadlineCounts = {
  open: number;
  overdue: number;
  dueToday: number;
  dueSoon: number;
  deemedIssued: number;
  stepOverdue: number;
  stepDueToday: number;
  stepDueSoon: number;
};
export const BREAKDOWN_DIMENSIONS = ["organisation", "service", "variant", "step", "officer"] as const;
export type TBreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export type TBreakdownRow = TDeadlineCounts & { key: string | null };

export type TDeadlineDashboard = {
  asOf: Date;
  hours: number;
  totals: TDeadlineCounts;
  breakdown: Record<TBreakdownDimension, TBreakdownRow[]>;
  /** Names of the officers that appear in the breakdown (id → "Surname Given"). */
  officers: Record<string, string>;
  scope: TOrgScope;
};

type Row = {
  g: number;
  organisationId: string | null;
  serviceCode: string | null;
  variant: string | null;
  stepKey: string | null;
  assigneeId: string | null;
  open: bigint;
  overdue: bigint;
  due_today: bigint;
  due_soon: bigint;
  deemed: bigint;
  step_overdue: bigint;
  step_due_today: bigint;
  step_due_soon: bigint;
};

// GROUPING(organisationId, serviceCode, variant, stepKey, assigneeId): bit 4 … bit 0, 1 = not grouped.
const SET_OF_MASK: Record<number, TBreakdownDimension | "total"> = { 15: "organisation", 23: "service", 27: "variant", 29: "step", 30: "officer", 31: "total" };

/**
 * Deadline dashboard of the actor's scope at `now`, by the current step's due instant (`step…`, the
 * worklists' statuses) and, separately, by the overall term: open applications; overdue (running and past
 * the standard's due instant); due today (running, due before the next Almaty midnight, not yet
 * overdue); due within `hours` working hours of the application's organisation; deemed issued by
 * tacit approval (status DEEMED_ISSUED, awaiting hand-over). Totals and the breakdowns by
 * organisation, service, variant, step and officer come from ONE aggregate with GROUPING SETS
 * over the (status, dueAt) index.
 */
export async function deadlineDashboard(db: DbOrTx, actor: Actor, filter: TDeadlineFilter, now: Date): Promise<TDeadlineDashboard> {
  const f = ZDeadlineFilter.parse(filter);
  const scope = await resolveOrgScope(db, actor, { organisationId: f.organisationId });
  const limits = await dueSoonLimits(db, scope.organisations, now, f.hours);
  const endOfToday = almatyMidnight(addDays(almatyDate(now), 1));
  const rows = await db.$queryRaw<Row[]>`
    WITH lim(org, soon) AS (${limitsValues(limits)})
    SELECT GROUPING(a."organisationId", a."serviceCode", a."variant", a."stepKey", a."assigneeId")::int AS g,
           a."organisationId", a."serviceCode", a."variant"::text AS variant, a."stepKey", a."assigneeId",
           count(*) FILTER (WHERE a."status" IN ('SUBMITTED', 'IN_PROGRESS', 'SUSPENDED')) AS open,
           count(*) FILTER (WHERE a."status" IN ('SUBMITTED', 'IN_PROGRESS') AND a."dueAt" < ${now}::timestamp(3)) AS overdue,
           count(*) FILTER (WHERE a."status" IN ('SUBMITTED', 'IN_PROGRESS') AND a."dueAt" >= ${now}::timestamp(3) AND a."dueAt" < ${endOfToday}::timestamp(3)) AS due_today,
           count(*) FILTER (WHERE a."status" IN ('SUBMITTED', 'IN_PROGRESS') AND a."dueAt" >= ${now}::timestamp(3) AND a."dueAt" <= lim.soon) AS due_soon,
           count(*) FILTER (WHERE a."status" = 'DEEMED_ISSUED') AS deemed,
           count(*) FILTER (WHERE a."status" IN ('SUBMITTED', 'IN_PROGRESS', 'DEEMED_ISSUED') AND a."stepDueAt" < ${now}::timestamp(3)) AS step_overdue,
           count(*) FILTER (WHERE a."status" IN ('SUBMITTED', 'IN_PROGRESS', 'DEEMED_ISSUED') AND a."stepDueAt" >= ${now}::timestamp(3) AND a."stepDueAt" < ${endOfToday}::timestamp(3)) AS step_due_today,
           count(*) FILTER (WHERE a."status" IN ('SUBMITTED', 'IN_PROGRESS', 'DEEMED_ISSUED') AND a."stepDueAt" >= ${now}::timestamp(3) AND a."stepDueAt" <= lim.soon) AS step_due_soon
      FROM "Application" a
      LEFT JOIN lim ON lim.org = a."organisationId"
     WHERE a."status" IN ('SUBMITTED', 'IN_PROGRESS', 'SUSPENDED', 'DEEMED_ISSUED')
       AND ${orgCondition(scope, Prisma.sql`a."organisationId"`)}
       AND ${eqCondition(Prisma.sql`a."serviceCode"`, f.service)}
     GROUP BY GROUPING SETS ((), (a."organisationId"), (a."serviceCode"), (a."variant"), (a."stepKey"), (a."assigneeId"))`;

  const empty = (): TDeadlineCounts => ({ open: 0, overdue: 0, dueToday: 0, dueSoon: 0, deemedIssued: 0, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 });
  const breakdown: Record<TBreakdownDimension, TBreakdownRow[]> = { organisation: [], service: [], variant: [], step: [], officer: [] };
  let totals = empty();
  for (const r of rows) {
    const counts: TDeadlineCounts = {
      open: Number(r.open),
      overdue: Number(r.overdue),
      dueToday: Number(r.due_today),
      dueSoon: Number(r.due_soon),
      deemedIssued: Number(r.deemed),
      stepOverdue: Number(r.step_overdue),
      stepDueToday: Number(r.step_due_today),
      stepDueSoon: Number(r.step_due_soon),
    };
    const set = SET_OF_MASK[r.g];
    if (set === "total") totals = counts;
    else if (set === "organisation") breakdown.organisation.push({ key: r.organisationId, ...counts });
    else if (set === "service") breakdown.service.push({ key: r.serviceCode, ...counts });
    else if (set === "variant") breakdown.variant.push({ key: r.variant, ...counts });
    else if (set === "step") breakdown.step.push({ key: r.stepKey, ...counts });
    else if (set === "officer") breakdown.officer.push({ key: r.assigneeId, ...counts });
  }
  // Most overdue first, then most open; stable by key.
  for (const list of Object.values(breakdown)) list.sort((a, b) => b.overdue - a.overdue || b.open - a.open || String(a.key).localeCompare(String(b.key)));
  const officerIds = breakdown.officer.map((r) => r.key).filter((k): k is string => k !== null);
  const users = officerIds.length ? await db.user.findMany({ where: { id: { in: officerIds } }, select: { id: true, surname: true, givenName: true } }) : [];
  return {
    asOf: now,
    hours: f.hours,
    totals,
    breakdown,
    officers: Object.fromEntries(users.map((u) => [u.id, `${u.surname} ${u.givenName}`])),
    scope,
  };
}
