/**
 * lib/trust/certificates — the EDS of the portal over the database (framework-free, Node only):
 * the sandbox CA persisted in `CaState`, certificate issuance and revocation, the shared
 * verification context (trust store + revocations, cached per process), the published CRL,
 * and EDS sign-in. Browser code uses `@/lib/trust/pki` directly, never this module.
 */
export { publicBaseUrl, sandboxCrlUrl, timeStampUrl } from "./config";
export { type TimeStampSource, addTimeStamp, configuredTimeStampSource } from "./time-stamp";
export { DEMO_EDS_PASSWORD, DEMO_EDS_VALIDITY, DEMO_ORGANISATION_BINS } from "./demo";
export { DbCaStore, SANDBOX_CA_ID } from "./db-ca-store";
export { DbSandboxCa, type SandboxCaConfig, getSandboxCa } from "./sandbox-ca";
export {
  type PublishedCrl,
  type VerificationContext,
  getCurrentCrl,
  getVerificationContext,
  invalidateVerificationContext,
  REVOCATION_STAMP_SQL,
  type RevocationStampRow,
} from "./verification-context";
export {
  ADMIN_REVOCATION_REASONS,
  type TRevokeCertificateInput,
  ZRevokeCertificateInput,
  revokeCertificate,
  revokeCertificateAsSystem,
} from "./revoke-certificate";
export {
  type CertificateHolderRole,
  type IssueCertificatePairInput,
  type IssuedCertificateRecord,
  issueCertificatePair,
} from "./issue-certificates";
export {
  type CertificateListItem,
  type CertificateStatus,
  getDemoPkcs12,
  listDemoCertificates,
  listIssuedCertificates,
  listSelfServiceCertificates,
} from "./list-certificates";
export { AUTH_CHALLENGE_TTL_MS, type AuthChallengeView, authChallengeBytes, createAuthChallenge } from "./auth-challenge";
export {
  type EdsSignInContext,
  type TEdsSignInInput,
  ZEdsSignInInput,
  authenticateWithEds,
  decodeBase64,
} from "./authenticate-with-eds";
export { type SelfServiceHolder, selfServiceHolder } from "./self-service-holder";
export {
  SELF_SERVICE_DAILY_LIMIT,
  SELF_SERVICE_VALIDITY_MS,
  type SelfServiceCertificate,
  type TSelfServiceCertificateInput,
  ZSelfServiceCertificateInput,
  issueSelfServiceCertificate,
} from "./issue-self-service-certificate";
