import { createHash } from "node:crypto";
import { DomainError } from "@/lib/platform/core";
import { assertInputSize, equalBytes, utf8Encode } from "./bytes";
import type { SubjectRole } from "./certificate";
import { decodeCms } from "./cms-decode";
import { checkIntegrity, identifySigner } from "./cms-signer";
import { type RevocationChecker, issuerKeyOf } from "./crl";
import { checkSignature, digestName } from "./signature-algorithms";
import type { TrustStore } from "./trust-store";
import { verifyTimeStampToken } from "./tsp-verify";
import type { SignerSummary, VerificationResult, VerificationStatus } from "./verification-status";
import type { ParsedCertificate } from "./x509";

/**
 * Server verification of detached CMS signatures: structure from cms-decode (strict DER,
 * pkijs for BER), cryptography with node:crypto.
 * Checks run in a fixed order and the first failure is the verdict:
 *   1 malformed  2 bad_signature  3 content_mismatch  4 untrusted_chain
 *   5 not_yet_valid / expired  6 revoked  7 wrong_key_usage  8 subject_mismatch  9 role_not_allowed
 * Integrity first (nothing else is meaningful over forged bytes), then trust, then time and
 * revocation, then the portal's own rules. Exceptions are not verdicts: an oversized input
 * throws pki.input_too_large and unknown revocation status throws pki.revocation_unavailable.
 */

/** Tolerance for a signer clock running ahead of the server. */
export const SIGNING_TIME_SKEW_MS = 5 * 60_000;

export type VerifyCommon = {
  /** DER CMS SignedData (decode base64 at the API boundary). */
  cms: Uint8Array;
  trustStore: TrustStore;
  revocations: RevocationChecker;
  now: Date;
};

export type ExpectedSubject = { iin?: string; bin?: string };

export type SignaturePolicy = {
  purpose: "signing" | "authentication";
  /** Compared with SERIALNUMBER=IIN… / OU=BIN…; when given without a BIN, a legal-entity certificate does not match. */
  expected?: ExpectedSubject;
  /** Roles accepted on a legal-entity certificate, or "any". */
  legalEntityRoles: readonly SubjectRole[] | "any";
  /** Refuse certificates of individuals (officer signatures). */
  requireLegalEntity: boolean;
  /** "signing_time": recorded time, else the signingTime attribute. "now": sign-in. */
  judgeAt: "signing_time" | "now";
};

type VerifyCoreInput = VerifyCommon & {
  content: Uint8Array;
  /** When the portal received the signature; trusted over the signer's own signingTime claim. */
  recordedSigningTime?: Date;
  policy: SignaturePolicy;
};

const SIGNING_RIGHT: readonly SubjectRole[] = ["first_head", "signer"];

function summary(c: ParsedCertificate): SignerSummary {
  return { ...c.info, fingerprintSha256: c.fingerprint };
}

function subjectMismatch(info: ParsedCertificate["info"], expected: ExpectedSubject): string | null {
  if (expected.iin !== undefined && info.iin !== expected.iin) return "iin";
  if (expected.bin !== undefined && info.bin !== expected.bin) return "bin";
  if (expected.bin === undefined && info.bin !== null) return "legal_entity_certificate";
  return null;
}

function verifySync(input: VerifyCoreInput): VerificationResult {
  const { policy, now, trustStore } = input;
  assertInputSize(input.cms.length);
  const verdict = (
    status: VerificationStatus,
    reason?: string,
    extra: Partial<VerificationResult> = {},
  ): VerificationResult => (reason === undefined ? { status, ...extra } : { status, reason, ...extra });

  // 1. Structure, algorithms, signer certificate, signing time.
  const decoded = decodeCms(input.cms);
  if (!decoded.ok) return verdict("malformed", decoded.reason);
  const cms = decoded.cms;
  const found = identifySigner(cms, trustStore);
  if (!found.ok) return verdict("malformed", found.reason);
  const { signer, certs } = found;
  const base: Partial<VerificationResult> = { signer: summary(signer) };
  if (cms.signingTime) base.signingTime = cms.signingTime;

  const claimed = cms.signingTime;
  const recorded = input.recordedSigningTime;
  if (claimed && claimed.getTime() > now.getTime() + SIGNING_TIME_SKEW_MS)
    return verdict("malformed", "signing_time_in_future", base);
  if (claimed && recorded && claimed.getTime() > recorded.getTime() + SIGNING_TIME_SKEW_MS) {
    return verdict("malformed", "signing_time_after_recording", base);
  }
  const firstJudgedAt = policy.judgeAt === "now" ? now : (recorded ?? claimed);
  if (!firstJudgedAt) return verdict("malformed", "missing_signing_time", base);
  base.judgedAt = firstJudgedAt;

  // 2. Signature over the signed attributes. 3. The signed digest must be the digest of the content we hold.
  const integrity = checkIntegrity(cms, signer, input.content);
  if (integrity === "unsupported_algorithm") return verdict("malformed", "unsupported_algorithm", base);
  if (integrity === "bad_signature") return verdict("bad_signature", undefined, base);
  if (integrity === "message_digest") return verdict("content_mismatch", "message_digest", base);
  if (cms.eContent && !equalBytes(cms.eContent, input.content))
    return verdict("content_mismatch", "encapsulated_content", base);

  // Signature time-stamps (RFC 3161 tokens, PAdES B-T): each must verify over this signature value;
  // the earliest time is when the signature provably existed, so validity and revocation are judged then.
  let judgedAt = firstJudgedAt;
  for (const token of cms.timeStampTokens) {
    const ts = verifyTimeStampToken({ token, stampedData: cms.signature, trustStore, revocations: input.revocations, now });
    if (!ts.ok) return verdict("malformed", `timestamp_${ts.reason}`, base);
    if (claimed && claimed.getTime() > ts.genTime.getTime() + SIGNING_TIME_SKEW_MS) return verdict("malformed", "signing_time_after_timestamp", base);
    if (!base.timestamp || ts.genTime < base.timestamp.time) base.timestamp = ts.summary;
  }
  if (base.timestamp && policy.judgeAt === "signing_time") judgedAt = base.timestamp.time;
  base.judgedAt = judgedAt;

  // 4. Chain to a trust anchor, judged at the signing time (chain model).
  const path = trustStore.buildPath(signer, certs, judgedAt);
  if (!path.ok) return verdict("untrusted_chain", path.reason, base);
  const issuer = path.path[1];
  if (!issuer) return verdict("untrusted_chain", "signer_is_anchor", base);
  base.chain = path.path.map((c) => c.fingerprint);
  base.chainSubjects = path.path.map((c) => c.info.commonName ?? c.info.subject);

  // 5. Signer certificate validity at the signing time.
  if (judgedAt < signer.info.notBefore) return verdict("not_yet_valid", undefined, base);
  if (judgedAt > signer.info.notAfter) return verdict("expired", undefined, base);

  // 6. Revocation: only a revocation effective at or before the signing time counts.
  const rev = input.revocations.check(issuerKeyOf(issuer), signer.serial, now);
  if (rev.status === "unknown") {
    throw new DomainError("pki.revocation_unavailable", {
      reason: rev.reason,
      issuer: issuer.info.subject,
    });
  }
  if (rev.status === "revoked") {
    base.revokedAt = rev.revokedAt;
    if (rev.revokedAt <= judgedAt) return verdict("revoked", rev.reason, base);
  }

  // 7–9. Portal rules: key purpose, subject identity, signing right.
  if (signer.info.purpose !== policy.purpose) return verdict("wrong_key_usage", signer.info.purpose, base);
  if (policy.expected) {
    const mismatch = subjectMismatch(signer.info, policy.expected);
    if (mismatch) return verdict("subject_mismatch", mismatch, base);
  }
  if (policy.requireLegalEntity && signer.info.bin === null)
    return verdict("role_not_allowed", "not_legal_entity", base);
  if (
    signer.info.bin !== null &&
    policy.legalEntityRoles !== "any" &&
    !policy.legalEntityRoles.includes(signer.info.subjectRole)
  ) {
    return verdict("role_not_allowed", signer.info.subjectRole, base);
  }
  return verdict("valid", undefined, base);
}

export type VerifyRequestInput = VerifyCommon & {
  content: Uint8Array;
  /** IIN/BIN of the applicant in the request (regulation condition 3). */
  expected: ExpectedSubject & {
    /** Legal-entity certificates must carry first_head or signer (default true). */
    requireSignerRole?: boolean;
  };
  recordedSigningTime?: Date;
};

/**
 * An applicant's signature over the canonical request bytes. At intake pass
 * `recordedSigningTime = now` and store it; later re-verifications pass the stored value,
 * so an issued licence still verifies after the signer's certificate expired.
 */
export async function verifyRequestSignature(input: VerifyRequestInput): Promise<VerificationResult> {
  const { iin, bin, requireSignerRole = true } = input.expected;
  if (iin === undefined && bin === undefined)
    throw new DomainError("pki.invalid_request", {
      reason: "expected_subject",
    });
  const expected: ExpectedSubject = {};
  if (iin !== undefined) expected.iin = iin;
  if (bin !== undefined) expected.bin = bin;
  return verifySync({
    ...input,
    policy: {
      purpose: "signing",
      expected,
      legalEntityRoles: requireSignerRole ? SIGNING_RIGHT : "any",
      requireLegalEntity: false,
      judgeAt: "signing_time",
    },
  });
}

export type VerifyDetachedInput = VerifyCommon & {
  content: Uint8Array;
  /** e.g. the akimat's BIN and/or the officer's IIN. */
  expected?: ExpectedSubject;
  recordedSigningTime?: Date;
  /** Overrides of the default policy (officer signing key with signing right). */
  policy?: Partial<SignaturePolicy>;
};

/**
 * Generic detached verification, by default for an officer's signature on a licence:
 * a legal-entity signing key whose role carries the signing right (first head or signer).
 */
export async function verifyDetached(input: VerifyDetachedInput): Promise<VerificationResult> {
  const policy: SignaturePolicy = {
    purpose: "signing",
    legalEntityRoles: SIGNING_RIGHT,
    requireLegalEntity: true,
    judgeAt: "signing_time",
    ...input.policy,
  };
  if (input.expected) policy.expected = input.expected;
  return verifySync({ ...input, policy });
}

export type VerifyAuthInput = VerifyCommon & { challenge: Uint8Array | string };

export type AuthVerificationResult = VerificationResult & {
  iin: string | null;
  bin: string | null;
  subjectRole: SubjectRole | null;
};

/** EDS sign-in: the server's challenge signed with an authentication key, judged at `now`. */
export async function verifyAuthChallenge(input: VerifyAuthInput): Promise<AuthVerificationResult> {
  const content = typeof input.challenge === "string" ? utf8Encode(input.challenge) : input.challenge;
  const result = verifySync({
    ...input,
    content,
    policy: {
      purpose: "authentication",
      legalEntityRoles: "any",
      requireLegalEntity: false,
      judgeAt: "now",
    },
  });
  const valid = result.status === "valid" && result.signer;
  return {
    ...result,
    iin: valid ? result.signer!.iin : null,
    bin: valid ? result.signer!.bin : null,
    subjectRole: valid ? result.signer!.subjectRole : null,
  };
}
