import { systemActor } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { wholeWorkingMinutes, type Calendar } from "@/lib/calendar";
import type { Db, Tx } from "@/lib/db";
import { loadOrganisationCalendar } from "@/lib/work-calendar";

const BATCH = 20_000;

type StepRow = { id: string; startedAt: Date; completedAt: Date; organisationId: string };

/**
 * Fills the working minutes of completed (not cancelled) steps that have none (data from before the
 * column, bulk loads), one keyset batch at a time over the primary key.
 */
async function backfillWorkingMinutes(tx: Tx): Promise<number> {
  const calendars = new Map<string, Calendar>();
  let after = "";
  let filled = 0;
  for (;;) {
    const rows = await tx.$queryRaw<StepRow[]>`
      SELECT st."id", st."startedAt", st."completedAt", a."organisationId"
        FROM "ApplicationStep" st JOIN "Application" a ON a."id" = st."applicationId"
       WHERE st."id" > ${after} AND st."workingMinutes" IS NULL AND metrics_step_counted(st."completedAt", st."outcome")
       ORDER BY st."id" LIMIT ${BATCH}`;
    if (!rows.length) return filled;
    const minutes: number[] = [];
    for (const r of rows) {
      let cal = calendars.get(r.organisationId);
      if (!cal) calendars.set(r.organisationId, (cal = await loadOrganisationCalendar(tx, r.organisationId)));
      minutes.push(wholeWorkingMinutes(cal, r.startedAt, r.completedAt));
    }
    await tx.$executeRaw`
      UPDATE "ApplicationStep" s SET "workingMinutes" = v.m
        FROM unnest(${rows.map((r) => r.id)}::text[], ${minutes}::int[]) AS v(id, m)
       WHERE s."id" = v.id`;
    filled += rows.length;
    after = rows[rows.length - 1]!.id;
  }
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
