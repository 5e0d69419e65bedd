/**
 * Browser-safe public API of lib/trust/pki (node-forge, zod, canonicalize only). Node-only parts
 * (verification, trust store, CRLs, sandbox CA) are in `@/lib/trust/pki/server`.
 */
export { MAX_INPUT_BYTES } from "./bytes";
export { PKI_ERROR_CODES, type PkiErrorCode } from "./error-codes";
export {
  type CertificateInfo,
  type CertificatePurpose,
  type KeyUsageFlags,
  type NameAttribute,
  type SubjectRole,
  classifyPurpose,
  classifyRole,
  readCertificate,
} from "./certificate";
export {
  CANONICAL_REQUEST_TYPE,
  CANONICAL_REQUEST_VERSION,
  type TCanonicalRequestInput,
  ZCanonicalRequestInput,
  canonicalRequestBytes,
  canonicalRequestJson,
} from "./canonical-request";
export { type OpenedPkcs12, openPkcs12 } from "./open-pkcs12";
export {
  type RsaKeyPair,
  type TKeyStorePasswordInput,
  ZKeyStorePassword,
  ZKeyStorePasswordInput,
  buildKeyStore,
  createCertificationRequest,
  generateRsaKeyPairInPlace,
} from "./self-service-key";
export {
  type SignDetachedInput,
  type SignEncapsulatedInput,
  assertAuthenticationKey,
  assertSigningKey,
  signDetached,
  signEncapsulated,
} from "./cms-sign";
export {
  type SignerSummary,
  type TimeStampSummary,
  type VerificationResult,
  type VerificationStatus,
  VERIFICATION_STATUSES,
} from "./verification-status";
export { OID, POLICY_OID, ROLE_OID } from "./oids";
export { REVOCATION_REASONS, type RevocationReason } from "./revocation-reason";
export type {
  CertificationAuthority,
  IssuedCertificate,
  IssuedPair,
  IssuedPublicCertificate,
  TCertificateHolder,
  TIssuePairRequest,
  TrustAnchors,
  TrustSource,
} from "./certification-authority";
