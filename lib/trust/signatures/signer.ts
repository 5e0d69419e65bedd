import type { SignerSummary, SubjectRole, VerificationResult, VerificationStatus } from "@/lib/trust/pki";

/** What callers and pages need about a signer (no raw certificate). */
export type SignerBrief = {
  name: string;
  iin: string | null;
  bin: string | null;
  organisation: string | null;
  serial: string;
  issuer: string;
  purpose: "signing" | "authentication" | "unknown";
  role: SubjectRole;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha256: string;
};

/** A verdict: never thrown; `signatureId` only when the signature was valid and stored. */
export type SignatureVerdict = {
  status: VerificationStatus;
  /** Machine-readable detail from lib/trust/pki (e.g. "iin", "issuer_not_found"). */
  reason?: string;
  signatureId?: string;
  signer: SignerBrief | null;
  /** The signer's own signingTime claim. */
  claimedSigningTime?: Date;
  /** When validity and revocation were judged (the recorded reception time). */
  judgedAt?: Date;
  /** Revocation date, also when the certificate was revoked after the signature. */
  revokedAt?: Date;
};

export function signerBrief(s: SignerSummary | undefined): SignerBrief | null {
  if (!s) return null;
  return {
    name: s.commonName ?? s.subject,
    iin: s.iin,
    bin: s.bin,
    organisation: s.organisation,
    serial: s.serial,
    issuer: s.issuer,
    purpose: s.purpose,
    role: s.subjectRole,
    notBefore: s.notBefore,
    notAfter: s.notAfter,
    fingerprintSha256: s.fingerprintSha256,
  };
}

export function verdictOf(result: VerificationResult, signatureId?: string): SignatureVerdict {
  const v: SignatureVerdict = { status: result.status, signer: signerBrief(result.signer) };
  if (result.reason !== undefined) v.reason = result.reason;
  if (signatureId !== undefined) v.signatureId = signatureId;
  if (result.signingTime) v.claimedSigningTime = result.signingTime;
  if (result.judgedAt) v.judgedAt = result.judgedAt;
  if (result.revokedAt) v.revokedAt = result.revokedAt;
  return v;
}
