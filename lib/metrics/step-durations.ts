import { Prisma, type DbOrTx } from "@/lib/db";
import type { Actor } from "@/lib/auth";
import { eqCondition, orgCondition, resolveOrgScope } from "./org-scope";
import { resolvePeriod, type TPeriod } from "./period";
import { ZIndicatorQuery, type TIndicatorQuery } from "./quality-indicators";

/**
 * Durations are CALENDAR hours (completedAt − startedAt). Working hours of each organisation would
 * need a per-row calendar lookup (no SQL aggregate can do it over the regulation calendar without a
 * stored per-step working time); see README "Step durations" for the column that would fix it.
 */
export type TStepDuration = { stepKey: string; count: number; avgHours: number; p50Hours: number; p90Hours: number; maxHours: number };
export type TStepDurations = { period: TPeriod; unit: "calendar_hours"; rows: TStepDuration[] };

/** Regulation order of the usual steps, for a readable table (unknown keys go last, by name). */
const STEP_ORDER = ["register", "check_completeness", "assign_deputy_head", "assign_department_head", "assign_executor", "review", "check_qualification", "inspect", "draw_up", "sign", "hand_over"];

type Row = { stepKey: string; n: bigint; avg_s: number; p50_s: number; p90_s: number; max_s: number };

/**
 * Average, median and 90th percentile of the duration of each step completed in the period
 * (cancelled steps excluded), so a supervisor sees where time is lost. One aggregate over the
 * (completedAt, stepKey) index; joined to the application only when the scope or a service filter
 * needs it.
 */
export async function stepDurations(db: DbOrTx, actor: Actor, query: TIndicatorQuery, now: Date): Promise<TStepDurations> {
  const q = ZIndicatorQuery.parse(query);
  const period = resolvePeriod(q, now);
  const scope = await resolveOrgScope(db, actor, { organisationId: q.organisationId });
  const needsJoin = scope.ids !== null || !!q.service;
  const seconds = Prisma.sql`extract(epoch FROM (st."completedAt" - st."startedAt"))`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT st."stepKey", count(*) AS n,
           avg(${seconds})::float8 AS avg_s,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds})::float8 AS p50_s,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds})::float8 AS p90_s,
           max(${seconds})::float8 AS max_s
      FROM "ApplicationStep" st
      ${needsJoin ? Prisma.sql`JOIN "Application" a ON a."id" = st."applicationId"` : Prisma.empty}
     WHERE st."completedAt" >= ${period.from}::timestamp(3) AND st."completedAt" < ${period.to}::timestamp(3)
       AND (st."outcome" IS NULL OR st."outcome" NOT LIKE 'cancelled%')
       ${needsJoin ? Prisma.sql`AND ${orgCondition(scope, Prisma.sql`a."organisationId"`)} AND ${eqCondition(Prisma.sql`a."serviceCode"`, q.service)}` : Prisma.empty}
     GROUP BY st."stepKey"`;
  const rank = (k: string) => (STEP_ORDER.includes(k) ? STEP_ORDER.indexOf(k) : STEP_ORDER.length);
  const h = (s: number) => Math.round((s / 3600) * 100) / 100;
  return {
    period,
    unit: "calendar_hours",
    rows: rows
      .map((r) => ({ stepKey: r.stepKey, count: Number(r.n), avgHours: h(r.avg_s), p50Hours: h(r.p50_s), p90Hours: h(r.p90_s), maxHours: h(r.max_s) }))
      .sort((a, b) => rank(a.stepKey) - rank(b.stepKey) || a.stepKey.localeCompare(b.stepKey)),
  };
}
