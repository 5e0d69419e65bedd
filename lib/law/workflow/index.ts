export { transition, availableCommands } from "./transition";
export {
  ZWorkflowCommand,
  COMMAND_TYPES,
  ZRevisionComment,
  REVISION_COMMENT_MIN,
  REVISION_COMMENT_MAX,
  type TWorkflowCommand,
  type TWorkflowCommandInput,
  type TCommandType,
  type TCommandOf,
} from "./commands";
export {
  ZWorkflowData,
  ZDecision,
  ZInstant,
  parseWorkflowData,
  initialState,
  type WorkflowState,
  type WorkflowActor,
  type WorkflowDeps,
  type TWorkflowData,
  type TDecision,
} from "./types";
export { type TransitionResult, FINAL_STATUSES } from "./context";
export { JOB_NAMES, type TEffect, type TJobName, type TNotifyRecipient } from "./effects";
export { ZWorkflowAuditEntry, AUDIT_TYPES, type TWorkflowAuditEntry, type TAuditType } from "./audit-events";
export { WORKFLOW_ERROR_CODES, type TWorkflowErrorCode } from "./errors";
