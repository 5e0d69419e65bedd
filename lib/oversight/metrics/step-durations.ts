import { Prisma, type DbOrTx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { addDays, addMonths, almatyMidnight } from "@/lib/platform/i18n";
import { eqCondition, orgCondition, resolveOrgScope, type TOrgScope } from "./org-scope";
import { resolvePeriod, type TPeriod } from "./period";
import { ZIndicatorQuery, type TIndicatorQuery } from "./quality-indicators";
import { histogramStats, type THistogramBucket } from "./step-histogram";

/**
 * Durations in WORKING hours of the organisation's calendar (ApplicationStep.workingMinutes, stored
 * when a step completes), with the calendar-hour average and maximum next to them.
 */
export type TStepDuration = {
  stepKey: string;
  count: number;
  avgHours: number;
  p50Hours: number;
  p90Hours: number;
  maxHours: number;
  calendarAvgHours: number;
  calendarMaxHours: number;
};
/** `unmeasured`: completed steps without stored working time (none once rebuildMetricSummaries ran). */
export type TStepDurations = { period: TPeriod; unit: "working_hours"; rows: TStepDuration[]; unmeasured: number };

/** Regulation order of the usual steps, for a readable table (unknown keys go last, by name). */
const STEP_ORDER = ["register", "check_completeness", "assign_deputy_head", "assign_department_head", "assign_executor", "review", "check_qualification", "inspect", "draw_up", "sign", "hand_over"];

type Row = { stepKey: string; bucket: number; n: bigint; cal_s: number; max_cal_s: number; wm: bigint; min_w: number | null; max_w: number | null };

/**
 * Which part of the period the monthly summary covers (whole Almaty months) and the raw windows
 * left at either edge (custom periods). Exported for the unit tests.
 */
export function splitByMonths(p: Pick<TPeriod, "fromDate" | "toDate" | "from" | "to">): { months: { from: string; to: string } | null; raw: { from: Date; to: Date }[] } {
  const firstFull = p.fromDate.endsWith("-01") ? p.fromDate : addMonths(p.fromDate, 1);
  const end = addDays(p.toDate, 1);
  const endFull = end.endsWith("-01") ? end : `${end.slice(0, 7)}-01`;
  if (firstFull >= endFull) return { months: null, raw: [{ from: p.from, to: p.to }] };
  const raw = [
    { from: p.from, to: almatyMidnight(firstFull) },
    { from: almatyMidnight(endFull), to: p.to },
  ].filter((w) => w.from < w.to);
  return { months: { from: firstFull, to: endFull }, raw };
}

function histogramRows(db: DbOrTx, period: TPeriod, scope: TOrgScope, service: string | null): Promise<Row[]> {
  const split = splitByMonths(period);
  const parts: Prisma.Sql[] = [];
  if (split.months) {
    parts.push(Prisma.sql`
      SELECT d."stepKey", d."bucket", d."n", d."calendarSeconds", d."maxCalendarSeconds", d."workingMinutes", d."minWorking", d."maxWorking"
        FROM "StepDurationMonthlyLive" d
       WHERE d."month" >= ${split.months.from}::date AND d."month" < ${split.months.to}::date
         AND ${orgCondition(scope, Prisma.sql`d."organisationId"`)} AND ${eqCondition(Prisma.sql`d."serviceCode"`, service)}`);
  }
  for (const w of split.raw) {
    // Same definitions as the summary's trigger (SQL functions of the migration).
    parts.push(Prisma.sql`
      SELECT st."stepKey", metrics_duration_bucket(st."workingMinutes"), count(*)::int, sum(extract(epoch FROM st."completedAt" - st."startedAt"))::float8,
             max(extract(epoch FROM st."completedAt" - st."startedAt"))::float8, COALESCE(sum(st."workingMinutes"), 0)::bigint, min(st."workingMinutes"), max(st."workingMinutes")
        FROM "ApplicationStep" st JOIN "Application" a ON a."id" = st."applicationId"
       WHERE st."completedAt" >= ${w.from}::timestamp(3) AND st."completedAt" < ${w.to}::timestamp(3)
         AND metrics_step_counted(st."completedAt", st."outcome")
         AND ${orgCondition(scope, Prisma.sql`a."organisationId"`)} AND ${eqCondition(Prisma.sql`a."serviceCode"`, service)}
       GROUP BY 1, 2`);
  }
  return db.$queryRaw<Row[]>`
    SELECT x."stepKey", x."bucket"::int AS bucket, sum(x."n")::bigint AS n, sum(x."calendarSeconds")::float8 AS cal_s, max(x."maxCalendarSeconds")::float8 AS max_cal_s,
           sum(x."workingMinutes")::bigint AS wm, min(x."minWorking") AS min_w, max(x."maxWorking") AS max_w
      FROM (${Prisma.join(parts, " UNION ALL ")}) x ("stepKey", "bucket", "n", "calendarSeconds", "maxCalendarSeconds", "workingMinutes", "minWorking", "maxWorking")
     GROUP BY 1, 2
    HAVING sum(x."n") > 0`;
}

const h = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * Average, median, 90th percentile and maximum working time of each step completed in the period
 * (cancelled steps excluded), so a supervisor sees where time is lost. Whole months come from the
 * monthly histogram, the days of a custom period outside whole months from the raw steps (same
 * buckets); see step-histogram.ts for the exactness of the percentiles.
 */
export async function stepDurations(db: DbOrTx, actor: Actor, query: TIndicatorQuery, now: Date): Promise<TStepDurations> {
  const q = ZIndicatorQuery.parse(query);
  const period = resolvePeriod(q, now);
  const scope = await resolveOrgScope(db, actor, { organisationId: q.organisationId });
  const rows = await histogramRows(db, period, scope, q.service ?? null);
  let unmeasured = 0;
  const byStep = new Map<string, { hist: THistogramBucket[]; calSeconds: number; calMax: number }>();
  for (const r of rows) {
    if (r.bucket < 0 || r.min_w === null || r.max_w === null) {
      unmeasured += Number(r.n);
      continue;
    }
    const s = byStep.get(r.stepKey) ?? { hist: [], calSeconds: 0, calMax: 0 };
    s.hist.push({ bucket: r.bucket, n: Number(r.n), sum: Number(r.wm), min: r.min_w, max: r.max_w });
    s.calSeconds += r.cal_s;
    s.calMax = Math.max(s.calMax, r.max_cal_s);
    byStep.set(r.stepKey, s);
  }
  const rank = (k: string) => (STEP_ORDER.includes(k) ? STEP_ORDER.indexOf(k) : STEP_ORDER.length);
  const out: TStepDuration[] = [];
  for (const [stepKey, s] of byStep) {
    const st = histogramStats(s.hist);
    if (!st) continue;
    out.push({
      stepKey,
      count: st.count,
      avgHours: h(st.avg),
      p50Hours: h(st.p50),
      p90Hours: h(st.p90),
      maxHours: h(st.max),
      calendarAvgHours: h(s.calSeconds / 60 / st.count),
      calendarMaxHours: h(s.calMax / 60),
    });
  }
  out.sort((a, b) => rank(a.stepKey) - rank(b.stepKey) || a.stepKey.localeCompare(b.stepKey));
  return { period, unit: "working_hours", rows: out, unmeasured };
}
