export { computeDueAt } from "./compute-due-at";
export { classify, remaining, type TRemaining } from "./classify-deadline";
export { computeEffectiveDueAt, type TEffectiveDueInput, type TEffectiveDue } from "./compute-effective-due-at";
export { tacitApprovalDates, type TTacitApproval } from "./tacit-approval-dates";
export {
  ZDeadlineEvent,
  DEADLINE_STATUSES,
  DEADLINE_ERROR_CODES,
  type TDeadlineEvent,
  type TDeadlineStatus,
} from "./deadline-types";
export { termStartFor, pscDeliveryDueAt, pscKeepUntil, type TApplicationChannel } from "./channel-terms";
