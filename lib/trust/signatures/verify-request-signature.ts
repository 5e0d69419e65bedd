import { type VerificationContext, getVerificationContext } from "@/lib/trust/certificates";
import type { DbOrTx } from "@/lib/platform/db";
import { verifyRequestSignature } from "@/lib/trust/pki/server";
import { type RecordSignatureBase, recordVerdict, scopedApplication } from "./record-signature";
import type { SignatureVerdict } from "./signer";

export type VerifyRequestSignatureInput = RecordSignatureBase & {
  /** The applicant's IIN and/or BIN from the application (DIGEST §6, condition 3). */
  expected: { iin?: string; bin?: string };
  /** Defaults to the shared context (getVerificationContext). */
  context?: VerificationContext;
  /** The application's organisation, when the caller has already loaded it within the actor's scope (no second read). */
  scopedOrganisationId?: string;
};

/**
 * The applicant's signature over the canonical request bytes, checked before the request is
 * accepted: validity, revocation, key purpose, IIN/BIN equal to the applicant's, signing right.
 * Judged at `now` (recorded as the signing time). Returns the verdict; a refusal is not thrown
 * and changes nothing but the audit trail. Throws only for what is not a verdict:
 * pki.revocation_unavailable, pki.input_too_large, errors.not_found (application out of scope).
 */
export async function verifyAndRecordRequestSignature(db: DbOrTx, input: VerifyRequestSignatureInput): Promise<SignatureVerdict> {
  const app = input.scopedOrganisationId ? { organisationId: input.scopedOrganisationId } : await scopedApplication(db, input.actor, input.applicationId);
  const { trustStore, revocations } = input.context ?? (await getVerificationContext(db, input.now));
  const result = await verifyRequestSignature({
    cms: input.cms,
    content: input.contentBytes,
    expected: input.expected,
    trustStore,
    revocations,
    now: input.now,
    recordedSigningTime: input.now,
  });
  return recordVerdict(db, { ...input, purpose: "REQUEST", organisationId: app.organisationId, result });
}
