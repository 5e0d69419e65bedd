/**
 * lib/trust/signatures — EDS signatures on applications (db-aware, framework-free): verify with
 * lib/trust/pki against the shared verification context (lib/trust/certificates), audit every verdict,
 * store valid signatures, re-verify stored ones at their recorded signing time.
 */
export { type SignatureVerdict, type SignerBrief, signerBrief } from "./signer";
export { type RecordSignatureBase, sha256Hex } from "./record-signature";
export { type VerifyRequestSignatureInput, verifyAndRecordRequestSignature } from "./verify-request-signature";
export { type VerifyDecisionSignatureInput, timeStampedDecisionCms, verifyAndRecordDecisionSignature } from "./verify-decision-signature";
export { reverifyStoredSignature } from "./reverify-stored-signature";
export { type VerifyScanSignatureInput, verifyAndRecordScanSignature } from "./verify-scan-signature";
