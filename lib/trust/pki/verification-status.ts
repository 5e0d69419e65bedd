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

/** A verified RFC 3161 signature time-stamp (PAdES B-T). */
export type TimeStampSummary = {
  /** genTime of the token: the signature existed at this instant. */
  time: Date;
  /** The time-stamping authority: its certificate's common name (else subject). */
  tsa: string;
  /** TSA certificate serial and the token's own serial number (hex), and the TSA policy. */
  tsaCertificateSerial: string;
  serial: string;
  policy: string;
};

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
  /** The earliest valid signature time-stamp; when present, `judgedAt` is its time. */
  timestamp?: TimeStampSummary;
};
