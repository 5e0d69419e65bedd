import type { TStaffRole, TStepOutcome } from "@/lib/law/regulations";
import type { TWorkflowCommandInput } from "./commands";

export type TNotifyRecipient =
  | { kind: "applicant" }
  | { kind: "user"; userId: string }
  | { kind: "role"; role: TStaffRole; organisationId: string }
  | { kind: "supervisors"; organisationId: string };

export const JOB_NAMES = ["workflow.overall_deadline", "workflow.step_deadline", "workflow.hand_over_deadline"] as const;
export type TJobName = (typeof JOB_NAMES)[number];

/**
 * What the caller must persist or enqueue in the same transaction as the state (style.md "Do" 7).
 * Instants are Dates; `params` of notifications are JSON-safe.
 */
export type TEffect =
  | { type: "step_started"; seq: number; stepKey: string; role: TStaffRole; assigneeId: string | null; startedAt: Date; dueAt: Date }
  | { type: "step_completed"; seq: number; stepKey: string; outcome: TStepOutcome; completedAt: Date; completedById: string | null }
  /** A step passed over without starting (e.g. qualification check after a refusal was drafted). */
  | { type: "step_skipped"; stepKey: string; reason: "refusal_drafted" | "check_failed" }
  | { type: "step_cancelled"; seq: number; stepKey: string; at: Date; reason: "withdrawn" | "tacit_approval" }
  | { type: "step_due_changed"; seq: number; stepKey: string; dueAt: Date; reason: "completeness_refusal" }
  | { type: "notify"; recipient: TNotifyRecipient; messageKey: string; params: Record<string, string | number | null> }
  /** Run `payload.command` through `transition` as the SYSTEM actor at `runAt`. */
  | { type: "schedule_job"; name: TJobName; runAt: Date; payload: { command: TWorkflowCommandInput } }
  | { type: "cancel_jobs"; names: TJobName[] }
  /** A fact for lib/law/deadlines (same shape as its ZDeadlineEvent): record it in ApplicationSuspension. */
  | { type: "deadline_event"; event: { type: "suspended"; at: Date; reason: string } | { type: "resumed"; at: Date } }
  /** The clock was stopped from `suspendedAt` to `resumedAt`: recompute dueAt and stepDueAt with lib/law/deadlines, then reschedule the deadline jobs. */
  | { type: "recompute_deadlines"; suspendedAt: Date; resumedAt: Date; stepKey: string | null; seq: number }
  /** Create the licence record: signed by an officer, or deemed issued (tacit approval). */
  | { type: "issue_licence"; basis: "signed" | "tacit"; subtypes: string[]; at: Date; handOverDueAt: Date | null };
