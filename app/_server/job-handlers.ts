import { executeCommand, remindApplicantTasks } from "@/lib/cases/applications";
import { NOTHING_TO_DO, sweepDeadlines } from "@/lib/cases/deadline-sweep";
import { createMailTransportFromEnv, NOTIFICATION_JOBS } from "@/lib/integration/notifications";
import { checkOnTimeAlerts, foldMetricSummaries } from "@/lib/oversight/metrics";
import { purgeIdempotencyRecords } from "@/lib/integration/api";
import { systemActor } from "@/lib/platform/auth";
import { isDomainError } from "@/lib/platform/core";
import { getDb, prepareCounters } from "@/lib/platform/db";
import { almatyYear } from "@/lib/platform/i18n";
import type { JobHandlers } from "@/lib/platform/jobs";
import { logger } from "@/lib/platform/log";

/** Counters of kind "sequence" keyed `<prefix>:<year>` (registration numbers, complaint tickets). */
const YEARLY_SEQUENCES = ["application", "complaint"] as const;

/**
 * The composition root of the timed jobs: each job name (data in lib/platform/jobs) → its use
 * case. Loaded only by the worker process (instrumentation.ts), never by code that enqueues.
 */
export function jobHandlers(): JobHandlers {
  const db = getDb();
  const transport = createMailTransportFromEnv();
  return {
    "workflow.command": async ({ applicationId, command }) => {
      try {
        await executeCommand(db, { actor: systemActor("deadline"), applicationId, command: command as never, now: new Date() });
      } catch (e) {
        if (isDomainError(e) && NOTHING_TO_DO.has(e.code)) return; // the state moved on: nothing to do
        throw e;
      }
    },
    "deadline.sweep": async () => {
      const r = await sweepDeadlines(db, { now: new Date() });
      if (r.reclassified || r.overallDeadlines) logger.info(r, "deadline sweep");
    },
    "alerts.on_time": async () => {
      await checkOnTimeAlerts(db, { now: new Date() });
    },
    "reminders.applicant_tasks": async () => {
      const r = await remindApplicantTasks(db, { now: new Date() });
      if (r.paymentDue || r.correctionPending) logger.info(r, "applicant reminders");
    },
    "notifications.deliver_emails": async () => {
      await NOTIFICATION_JOBS["notifications.deliver_emails"]({ db, transport, now: new Date() });
    },
    "notifications.licences_expiring": async () => {
      await NOTIFICATION_JOBS["notifications.licences_expiring"]({ db, transport, now: new Date() });
    },
    "metrics.fold_summaries": async () => {
      await foldMetricSummaries(db);
    },
    "counters.prepare": async () => {
      const year = almatyYear(new Date());
      await prepareCounters(db, YEARLY_SEQUENCES.flatMap((p) => [`${p}:${year}`, `${p}:${year + 1}`]));
    },
    "idempotency.purge": async () => {
      const r = await purgeIdempotencyRecords(db, { now: new Date() });
      if (r.deleted) logger.info(r, "idempotency records purged");
    },
  };
}
