export {
  ZFileComplaintInput,
  ZAnswerComplaintInput,
  ZRateComplaintInput,
  ZComplaintIdInput,
  ZComplaintQueueQuery,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  OPEN_COMPLAINT_STATUSES,
  type TComplaintKind,
  type TComplaintStatus,
  type TFileComplaintInput,
  type TAnswerComplaintInput,
  type TRateComplaintInput,
  type TComplaintQueueQuery,
} from "./schemas";
export { fileComplaint, type TFileComplaint, type TFiledComplaint } from "./file-complaint";
export { takeComplaintInReview, answerComplaint, extendComplaintTerm } from "./handle-complaint";
export { rateComplaint } from "./rate-complaint";
export { listMyComplaints, listComplaintQueue, getComplaint, complaintFormOptions, COMPLAINT_QUEUE_PAGE_SIZE, type TComplaintListRow, type TComplaintDetail } from "./queries";
export {
  complaintDueAt,
  complaintExtendedDueAt,
  complaintBadge,
  COMPLAINT_DUE_SOON_WORKING_MINUTES,
  type TComplaintBadge,
} from "./complaint-term";
export { surnameAndInitials } from "./surname-initials";
export { acceptComplaintAtPsc, pscComplaintReceiptPdf, ZPscComplaintInput, type TPscComplaintInput, type TPscReceiptLabels } from "./psc-complaint";
