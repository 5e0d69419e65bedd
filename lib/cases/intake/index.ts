export { startWalkIn, startInputFromForm, type TStartWalkInInput, type TWalkInApplicant } from "./start-walk-in";
export { recordPaperPackage, type TRecordPaperPackageInput } from "./record-paper-package";
export { recordWalkInReceipt, type TRecordWalkInReceiptInput } from "./record-walk-in-receipt";
export { registerWalkIn, type TRegisterWalkInInput, type TRegisterWalkInResult } from "./register-walk-in";
export { getWalkInReceipt, type TWalkInReceipt } from "./get-walk-in-receipt";
export { getWalkIn, listWalkInDrafts, type TWalkInView, type TWalkInDraftRow } from "./get-walk-in";
export { walkInReadiness, assertWalkInReady, findWalkIn, type TWalkInReadiness } from "./walk-in-readiness";
export {
  PAPER_PACKAGE_KEY,
  ZPaperPackage,
  readPaperPackage,
  applicantFormData,
  paperSlots,
  checkPaperPackage,
  packageComplete,
  type TPaperPackage,
  type TPackageCheck,
} from "./paper-package";
export {
  APPLICANT_KINDS,
  ZStartWalkInForm,
  ZRecordPaperPackageForm,
  ZWalkInReceiptForm,
  ZWalkInIdInput,
  ZSignScansInput,
  type TApplicantKind,
  type TStartWalkInForm,
  type TRecordPaperPackageForm,
  type TWalkInReceiptForm,
} from "./schemas";
export { listCounterServices } from "./list-counter-services";
export { currentScanList, signPackageScans } from "./sign-scans";
export { PAPER_CHANNELS, scanListBytes, acceptedServiceCodes, type TPaperChannel } from "./intake-channel";
