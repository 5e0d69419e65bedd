import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import {
  DEMO_ORGANISATION_BINS,
  type TimeStampSource,
  type VerificationContext,
  addTimeStamp,
  configuredTimeStampSource,
  getVerificationContext,
} from "@/lib/trust/certificates";
import { verifyDetached } from "@/lib/trust/pki/server";
import { type RecordSignatureBase, recordVerdict, scopedApplication } from "./record-signature";
import type { SignatureVerdict } from "./signer";

export type VerifyDecisionSignatureInput = RecordSignatureBase & {
  /**
   * Defaults: `iin` = the officer's IIN (User.iin), `bin` = the organisation's BIN
   * (DEMO_ORGANISATION_BINS until organisations carry a BIN).
   */
  expected?: { iin?: string; bin?: string };
  context?: VerificationContext;
  /** DECISION (the structured record, default) or DOCUMENT (the PAdES signature of the licence PDF). */
  purpose?: "DECISION" | "DOCUMENT";
};

/**
 * An officer's signature on a decision: a legal-entity **signing** key whose role has the
 * signing right (first head or signer), of the officer and of the service provider. Only a
 * signed-in officer with `canSign` may record one. Same recording rules as for requests.
 */
export async function verifyAndRecordDecisionSignature(db: DbOrTx, input: VerifyDecisionSignatureInput): Promise<SignatureVerdict> {
  const { app, result } = await checkDecisionSignature(db, input);
  return recordVerdict(db, { ...input, purpose: input.purpose ?? "DECISION", organisationId: app.organisationId, result });
}

/** The verification of `verifyAndRecordDecisionSignature`, recording nothing. */
async function checkDecisionSignature(db: DbOrTx, input: VerifyDecisionSignatureInput) {
  const { actor } = input;
  if (actor.kind !== "user" || !actor.canSign) throw new DomainError("auth.forbidden", { permission: "decision.sign" });
  const app = await scopedApplication(db, actor, input.applicationId);
  const [officer, org] = await Promise.all([
    db.user.findUnique({ where: { id: actor.userId }, select: { iin: true } }),
    db.organisation.findUnique({ where: { id: app.organisationId }, select: { code: true } }),
  ]);
  const iin = input.expected?.iin ?? officer?.iin ?? undefined;
  const bin = input.expected?.bin ?? (org ? DEMO_ORGANISATION_BINS[org.code] : undefined);
  const { trustStore, revocations } = input.context ?? (await getVerificationContext(db, input.now));
  let result = await verifyDetached({
    cms: input.cms,
    content: input.contentBytes,
    // lib/trust/pki treats an expectation without a BIN as "individual": only pass one with the BIN.
    expected: bin ? { bin, ...(iin ? { iin } : {}) } : undefined,
    trustStore,
    revocations,
    now: input.now,
    recordedSigningTime: input.now,
  });
  if (result.status === "valid" && !bin && iin && result.signer?.iin !== iin) {
    result = { ...result, status: "subject_mismatch", reason: "iin" };
  }
  return { app, result };
}

/**
 * PAdES B-T / CAdES-T: when a time-stamp source is configured (TSA_URL), the officer's CMS with a
 * signature time-stamp added — only once the signature itself verified (nothing is recorded here;
 * `verifyAndRecordDecisionSignature` then verifies and records the stamped CMS, token included).
 * An invalid signature comes back unchanged, to be refused and audited as before. Call it outside
 * transactions: it may wait for the time-stamp source.
 */
export async function timeStampedDecisionCms(
  db: DbOrTx,
  input: VerifyDecisionSignatureInput & { source?: TimeStampSource | null },
): Promise<Uint8Array> {
  const source = input.source === undefined ? configuredTimeStampSource() : input.source;
  if (!source) return input.cms;
  const context = input.context ?? (await getVerificationContext(db, input.now));
  const { result } = await checkDecisionSignature(db, { ...input, context });
  if (result.status !== "valid") return input.cms;
  return (await addTimeStamp(db, input.cms, input.now, { source, context })).cms;
}
