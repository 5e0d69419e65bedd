import { z } from "zod";

/**
 * Every timed job as data: its payload schema, how pg-boss should treat it and, for periodic jobs,
 * the cron expression (read in Asia/Almaty). The handlers are wired to their use cases by the
 * composition root (app/_server/job-handlers.ts), so that enqueueing never loads them.
 */
export const JOBS = {
  /** Replays a workflow command as the SYSTEM actor at a due instant (deadline passed, tacit approval). */
  "workflow.command": { payload: z.object({ applicationId: z.string().uuid(), command: z.record(z.string(), z.unknown()) }), retryLimit: 5 },
  /** Periodic safety net: classify every open application and apply tacit approval. */
  "deadline.sweep": { payload: z.object({}).passthrough(), retryLimit: 1, cron: "* * * * *" },
  /** Supervisors are told when a service's on-time share in an organisation drops below the threshold. */
  "alerts.on_time": { payload: z.object({}).passthrough(), retryLimit: 1, cron: "0 8 * * *" },
  /** Applicants are reminded of their own tasks: an unpaid draft, an unanswered correction request. */
  "reminders.applicant_tasks": { payload: z.object({}).passthrough(), retryLimit: 1, cron: "0 10 * * *" },
  /** The e-mail copy of committed notifications (50 per run, each exactly once). */
  "notifications.deliver_emails": { payload: z.object({}).passthrough(), retryLimit: 2, cron: "* * * * *" },
  /** Holders are told once that an active licence ends within 30 days. */
  "notifications.licences_expiring": { payload: z.object({}).passthrough(), retryLimit: 2, cron: "0 9 * * *" },
  /** The per-year sequences (registration numbers, complaint tickets) of this and next year exist in advance. */
  "counters.prepare": { payload: z.object({}).passthrough(), retryLimit: 2, cron: "30 0 * * *" },
  /** The summaries' deltas (appended by statement-level triggers) are folded into IndicatorDaily / StepDurationMonthly. */
  "metrics.fold_summaries": { payload: z.object({}).passthrough(), retryLimit: 1, cron: "* * * * *" },
  /** Stored Idempotency-Key answers older than 24 hours are deleted (lib/integration/api/idempotency.ts). */
  "idempotency.purge": { payload: z.object({}).passthrough(), retryLimit: 1, cron: "7 * * * *" },
} as const;

/** The time zone every cron expression is read in. */
export const JOB_TIME_ZONE = "Asia/Almaty";

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["payload"]>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
