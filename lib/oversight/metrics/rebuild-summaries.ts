import { systemActor } from "@/lib/platform/auth";
import { recordAudit } from "@/lib/platform/audit";
import { wholeWorkingMinutes, type Calendar } from "@/lib/law/calendar";
import type { Db, Tx } from "@/lib/platform/db";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";

/** ~20,000 steps per batch. */
const PAGES_PER_BATCH = 300;

type StepRow = { id: string; startedAt: Date; completedAt: Date; organisationId: string };

/**
 * Fills the working minutes of completed (not cancelled) steps that have none (data from before the
 * column, bulk loads). Batches walk the table in physical order (ctid page ranges): updating in key
 * order would touch random pages and was ~10× slower on the 4.7 M-step bench data. Row versions the
 * updates create land beyond the pages counted at the start or already hold their minutes.
 */
async function backfillWorkingMinutes(tx: Tx): Promise<number> {
  const calendars = new Map<string, Calendar>();
  const [size] = await tx.$queryRaw<{ pages: number }[]>`SELECT (pg_relation_size('"ApplicationStep"') / current_setting('block_size')::int)::int AS pages`;
  let filled = 0;
  for (let page = 0; page <= (size?.pages ?? 0); page += PAGES_PER_BATCH) {
    const [lo, hi] = [`(${page},0)`, `(${page + PAGES_PER_BATCH},0)`];
    const rows = await tx.$queryRaw<StepRow[]>`
      SELECT st."id", st."startedAt", st."completedAt", a."organisationId"
        FROM "ApplicationStep" st JOIN "Application" a ON a."id" = st."applicationId"
       WHERE st.ctid >= ${lo}::tid AND st.ctid < ${hi}::tid
         AND st."workingMinutes" IS NULL AND metrics_step_counted(st."completedAt", st."outcome")`;
    if (!rows.length) continue;
    const minutes: number[] = [];
    for (const r of rows) {
      let cal = calendars.get(r.organisationId);
      if (!cal) calendars.set(r.organisationId, (cal = await loadOrganisationCalendar(tx, r.organisationId)));
      minutes.push(wholeWorkingMinutes(cal, r.startedAt, r.completedAt));
    }
    await tx.$executeRaw`
      UPDATE "ApplicationStep" s SET "workingMinutes" = v.m
        FROM unnest(${rows.map((r) => r.id)}::text[], ${minutes}::int[]) AS v(id, m)
       WHERE s.ctid >= ${lo}::tid AND s.ctid < ${hi}::tid AND s."id" = v.id`;
    filled += rows.length;
  }
  return filled;
}

/**
 * Recomputes the dashboard summaries ("IndicatorDaily", "StepDurationMonthly") from the raw rows,
 * after filling missing step working minutes: for the existing data after the migration, after a
 * bulk load (seed, bench) and as a repair tool. One transaction; writers wait on the SHARE locks,
 * and the triggers are switched off for this transaction only (the rebuild replaces their work).
 */
export async function rebuildMetricSummaries(db: Db, now: Date): Promise<{ stepsBackfilled: number }> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "Application", "SurveyResponse", "ApplicationStep" IN SHARE MODE`;
      await tx.$executeRaw`SELECT set_config('metrics.skip_summaries', 'on', true)`;
      const stepsBackfilled = await backfillWorkingMinutes(tx);
      await tx.$executeRaw`SELECT set_config('metrics.skip_summaries', 'off', true)`;
      await tx.$executeRaw`SELECT metrics_rebuild_summaries()`;
      await recordAudit(tx, { type: "metrics.summaries_rebuilt", actor: systemActor("metrics.rebuild"), at: now, entityType: "MetricSummaries", entityId: "all", data: { stepsBackfilled } });
      return { stepsBackfilled };
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}

/**
 * Folds the committed deltas of the summaries (appended by statement-level triggers, see
 * prisma/sql/summary-deltas.sql) into "IndicatorDaily" / "StepDurationMonthly". Readers see the
 * same totals before and after (views "IndicatorDailyLive" / "StepDurationMonthlyLive"); the fold
 * only keeps the views cheap. The timed job metrics.fold_summaries runs it every minute.
 */
export async function foldMetricSummaries(db: Db): Promise<{ folded: number }> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT metrics_fold_summaries() AS n`;
  return { folded: Number(rows[0]?.n ?? 0) };
}
