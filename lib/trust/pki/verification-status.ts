import type { CertificateInfo } from "./certificate";

/**
 * Verdicts of signature verification, in the order the checks run (README "Verification
 * order"). The UI maps each to `pki.status.<status>` (messages/{kk,ru,en}/pki.json).
 */
export const VERIFICATION_STATUSES = [
  "valid",
  "malformed",
  "bad_signature",
  "content_mismatch",
  "untrusted_chain",
  "not_yet_valid",
  "expired",
  "revoked",
  "wrong_key_usage",
  "subject_mismatch",
  "role_not_allowed",
] as const;

export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export type SignerSummary = CertificateInfo & { fingerprintSha256: string };

export type VerificationResult = {
  status: VerificationStatus;
  /** Machine-readable detail (e.g. "unsupported_algorithm", "issuer_not_found", "iin"); never a sentence. */
  reason?: string;
  /** Present once the signer certificate has been identified in the CMS. */
  signer?: SignerSummary;
  /** The signingTime attribute as claimed by the signer. */
  signingTime?: Date;
  /** The instant at which validity and revocation were judged. */
  judgedAt?: Date;
  /** Revocation date of the signer certificate, also when it was revoked after `judgedAt`. */
  revokedAt?: Date;
  /** SHA-256 fingerprints from the signer up to the trust anchor, when the chain was built. */
  chain?: string[];
  /** Common names (else subjects) along the same chain, for people to read. */
  chainSubjects?: string[];
};
