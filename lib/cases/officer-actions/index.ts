export {
  ZExpectedState,
  ZRegisterInput,
  ZAssignInput,
  ZStartReviewInput,
  ZCheckItemInput,
  ZRecordCheckInput,
  ZDraftDecisionInput,
  ZSignDecisionInput,
  ZHandOverInput,
  ZReturnForRevisionInput,
  type TReturnForRevisionInput,
  type TExpectedState,
  type TCheckItemInput,
  type TRecordCheckInput,
  type TDraftDecisionInput,
  type TSignDecisionInput,
  type THandOverInput,
} from "./schemas";
export { runOfficerCommand, type OfficerCommandContext, type TActionOutcome } from "./run-command";
export { registerApplication } from "./register-application";
export { registerApplications, BULK_REGISTER_LIMIT, type TBulkRegisterResult } from "./register-applications";
export { assignApplication } from "./assign-application";
export { startReview } from "./start-review";
export { recordCheck, validateCheckResult } from "./record-check";
export { draftDecision } from "./draft-decision";
export { signDecision } from "./sign-decision";
export { handOver } from "./hand-over";
export { returnForRevision } from "./return-for-revision";
export { getDecisionPreviewPdf } from "./decision-preview";
export { checklistFor, requestedSubtypes, type TChecklist, type TChecklistItem } from "./checklist";
export { decisionSigningContent } from "./decision-content";
export {
  getOfficerApplication,
  OFFICER_COMMANDS,
  AUDIT_SUMMARY_LIMIT,
  type OfficerWorkspace,
  type OfficerApplication,
  type TOfficerCommand,
  type TDecisionOptions,
} from "./get-officer-application";
export { getJournalEntry } from "./get-journal-entry";
