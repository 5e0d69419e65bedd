import { z } from "zod";

/**
 * Every timed job as data: its payload schema and how pg-boss should treat it. Handlers live in
 * lib/platform/jobs/handlers.ts so that enqueueing does not load the use cases.
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
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["payload"]>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
