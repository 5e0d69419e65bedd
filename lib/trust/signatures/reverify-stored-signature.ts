import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { type VerificationContext, getVerificationContext } from "@/lib/trust/certificates";
import { type VerificationResult, verifyDetached, verifyRequestSignature } from "@/lib/trust/pki/server";
import { sha256Hex } from "./record-signature";
import { type SignatureVerdict, verdictOf } from "./signer";

/**
 * Re-verifies a stored signature, judged at its **recorded** signing time: an issued licence
 * still verifies after the signer's certificate expired, and a revocation dated after the
 * signature is reported (`revokedAt`) without invalidating it. The Signature row keeps only the
 * content's SHA-256, so the caller passes the content again (canonicalRequestBytes for a
 * request, the decision bytes for a decision); other bytes give `content_mismatch`.
 */
export async function reverifyStoredSignature(
  db: DbOrTx,
  signatureId: string,
  now: Date,
  content: Uint8Array,
  options: { context?: VerificationContext } = {},
): Promise<SignatureVerdict & { signatureId: string }> {
  const row = await db.signature.findUnique({
    where: { id: signatureId },
    select: { id: true, purpose: true, cms: true, signingTime: true, contentSha256: true, signerIin: true, signerBin: true },
  });
  if (!row) throw new DomainError("errors.not_found");
  if (sha256Hex(content) !== row.contentSha256) return { status: "content_mismatch", reason: "stored_hash", signer: null, signatureId: row.id };
  const { trustStore, revocations } = options.context ?? (await getVerificationContext(db, now));
  const common = { cms: new Uint8Array(row.cms), content, trustStore, revocations, now, recordedSigningTime: row.signingTime };
  let result: VerificationResult;
  if (row.purpose === "REQUEST") {
    // The stored identity is the applicant's: it was checked against the application at intake.
    const expected = row.signerBin ? { bin: row.signerBin } : { iin: row.signerIin ?? "" };
    result = await verifyRequestSignature({ ...common, expected });
  } else {
    const expected = row.signerBin ? { bin: row.signerBin, ...(row.signerIin ? { iin: row.signerIin } : {}) } : undefined;
    result = await verifyDetached({ ...common, expected });
  }
  return { ...verdictOf(result), signatureId: row.id };
}
