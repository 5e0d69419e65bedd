/**
 * lib/cases/licence-signing — the licence as a PAdES-signed PDF (Node only, db-aware): the head's
 * document prepared with an empty signature field (the browser signs its byte ranges), the signed
 * or deemed-issued PDF kept in the register when the licence is issued, a later signature of a
 * deemed-issued licence as an incremental revision, and the PDF served to the holder and staff.
 */
export { PREPARED_DOCUMENT_TTL_MS, type PreparedRow, checkPreparedDocument } from "./check-prepared";
export { SIGNING_REASON, registerDocumentInput } from "./document-input";
export { type OriginalOfDuplicate, type PendingDocument, type ResultKind, PREVIEW_NUMBER, pendingDocument, resultKindOf } from "./pending-record";
export {
  type PreparedDocument,
  type TPrepareDecisionDocumentInput,
  ZPrepareDecisionDocumentInput,
  prepareDecisionDocument,
} from "./prepare-decision-document";
export { reservedNumberFor, storeIssuedDocument } from "./store-documents";
export {
  MAX_VERIFY_FILE_BYTES,
  type TCheckedSignature,
  type TFileVerification,
  type TVerifyFileContext,
  verifySignedFile,
} from "./verify-file";
export { ensureDeemedDocument, getLicencePdfFile } from "./licence-pdf-file";
export {
  ZPrepareDeemedSignatureInput,
  ZSignDeemedLicenceInput,
  canSignDeemedLicence,
  prepareDeemedSignature,
  signDeemedLicence,
} from "./sign-deemed-licence";
