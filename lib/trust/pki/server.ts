/**
 * Node-only API of lib/trust/pki (node:crypto, node:fs, pkijs): verification, trust store, CRLs,
 * sandbox CA. Import from server code only; client components use `@/lib/trust/pki`.
 */
export * from "./index";
export { ZCertificateHolder, ZIssuePairRequest } from "./certification-authority";
export { type CheckedCsr, readCertificationRequest } from "./ca-sandbox/csr";
export {
  type AuthVerificationResult,
  type ExpectedSubject,
  SIGNING_TIME_SKEW_MS,
  type SignaturePolicy,
  type VerifyAuthInput,
  type VerifyCommon,
  type VerifyDetachedInput,
  type VerifyRequestInput,
  verifyAuthChallenge,
  verifyDetached,
  verifyRequestSignature,
} from "./cms-verify";
export { addUnsignedAttribute, attachContent } from "./cms-attach";
export {
  type Accuracy,
  type MessageImprint,
  PKI_FAILURE,
  PKI_STATUS,
  type TimeStampRequest,
  type TimeStampResponse,
  type TstInfo,
  encodeTimeStampRequest,
  encodeTimeStampResponse,
  encodeTstInfo,
  parseTimeStampRequest,
  parseTimeStampResponse,
  parseTstInfo,
} from "./tsp";
export { type TimeStampVerification, type VerifyTimeStampInput, isTimeStampingCertificate, verifyTimeStampToken } from "./tsp-verify";
export { type TimeStamp, type TimeStampClientOptions, type TspFetch, addSignatureTimeStamp, requestTimeStamp } from "./tsp-client";
export { SANDBOX_TSA_POLICY, SandboxTsa, type TsaCredentials } from "./ca-sandbox/tsa";
export { type DecodedCms, decodeCms } from "./cms-decode";
export { type PathFailure, type PathResult, TrustStore, type TrustStoreInput } from "./trust-store";
export {
  type RevocationCheck,
  type RevocationChecker,
  type RevocationEntry,
  RevocationSet,
  type VerifiedCrl,
  issuerKeyOf,
  parseCrl,
} from "./crl";
export { CrlCache, type CrlCacheOptions, type CrlFetcher, type CrlSourceState } from "./crl-cache";
export { type ParsedCertificate } from "./x509";
export { type CaState, type CaStore, FileCaStore, MemoryCaStore, ZCaState } from "./ca-sandbox/ca-state";
export { SandboxCa, type SandboxCaOptions } from "./ca-sandbox/sandbox-ca";
export { type KeyPairGenerator, type KeyPairPem, generateRsaKeyPair } from "./ca-sandbox/certificate-builder";
