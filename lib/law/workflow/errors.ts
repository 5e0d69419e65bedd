import { DomainError } from "@/lib/platform/core";

/** Every code the engine throws; each is a key of messages/<locale>/workflow.json. */
export const WORKFLOW_ERROR_CODES = [
  "workflow.step_out_of_order",
  "workflow.wrong_role",
  "workflow.not_found",
  "workflow.not_assignee",
  "workflow.stale_state",
  "workflow.grounds_required",
  "workflow.subtypes_required",
  "workflow.no_signing_right",
  "workflow.not_withdrawable",
  "workflow.payment_required",
  "workflow.signature_required",
  "workflow.invalid_assignee_role",
  "workflow.already_final",
  // Further rejections with their own code:
  "workflow.invalid_command",
  "workflow.invalid_assignee",
  "workflow.unknown_ground",
  "workflow.reason_required",
  "workflow.checks_required",
  "workflow.recipient_required",
  "workflow.suspension_not_allowed",
  "workflow.deadline_not_reached",
  "workflow.regulation_not_found",
] as const;

export type TWorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

export function fail(code: TWorkflowErrorCode, details?: Record<string, unknown>): never {
  throw new DomainError(code, details);
}
