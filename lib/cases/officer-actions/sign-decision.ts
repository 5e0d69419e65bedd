import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { ZDecision } from "@/lib/law/workflow";
import { checkPreparedDocument } from "@/lib/cases/licence-signing";
import { signedBytes, type ByteRange } from "@/lib/trust/pades";
import { type SignatureVerdict, timeStampedDecisionCms, verifyAndRecordDecisionSignature } from "@/lib/trust/signatures";
import { decisionSigningContent } from "./decision-content";
import { runOfficerCommandInTx, type OfficerCommandContext, type TActionOutcome } from "./run-command";
import { scopedApplicationFacts } from "./scoped-application";
import type { TSignDecisionInput } from "./schemas";

const refused = (v: SignatureVerdict) => new DomainError(`pki.detail.${v.status}`, { reason: v.reason });

/**
 * The head (with the signing right) signs the drafted decision with EDS, in one step: the CMS over
 * `decisionSigningContent` (the structured record, recomputed from the stored row) and — for a
 * licence — the PAdES CMS over the byte ranges of the licence PDF prepared for this signature
 * (`prepareDecisionDocument`), made with the same certificate. Each is verified and recorded by
 * `verifyAndRecordDecisionSignature` (audit `signature.verified` / `signature.rejected` either way);
 * the decision signature's id is the `signatureRef` of `sign_decision`, and the licence issued by
 * that transition carries it and keeps the signed PDF (lib/cases/licence-signing). A refusal stops
 * with `pki.detail.<status>` and commits only its audit. With TSA_URL set, each signature that
 * verifies is time-stamped first (PAdES B-T; the stored CMS and the embedded one carry the token). Verification, the signature rows and the
 * command share one transaction: a command that fails (a wrong role, a concurrent change) leaves no
 * signature behind. The result is signed with the EDS of the provider's authorised person
 * [000 L230-231], [002 L185-187].
 */
export async function signDecision(
  db: Db,
  ctx: OfficerCommandContext,
  input: TSignDecisionInput,
): Promise<TActionOutcome & { signatureId: string; documentSignatureId?: string }> {
  if (!ctx.actor.canSign) throw new DomainError("workflow.no_signing_right");
  const app = await scopedApplicationFacts(db, ctx.actor, input.applicationId);
  // A stale page would sign a decision that may have changed: refuse before recording anything.
  if (app.version !== input.expected.version) throw new DomainError("workflow.stale_state");
  const content = decisionSigningContent(app);
  if (!content) throw new DomainError("workflow.step_out_of_order", { reason: "nothing_to_sign" });
  const isLicence = ZDecision.safeParse(app.decision).data?.kind === "licence";
  const prepared = isLicence ? await checkPreparedDocument(db, { applicationId: app.id, actor: ctx.actor, version: app.version, now: ctx.now, preparationId: input.document?.preparationId }) : null;

  const common = { actor: ctx.actor, applicationId: app.id, now: ctx.now, meta: ctx.meta };
  // With a time-stamp source (TSA_URL), each CMS that verifies gets its signature time-stamp (B-T)
  // before the transaction: the source is an outside system and may take a moment.
  const decision = { ...common, cms: new Uint8Array(Buffer.from(input.cmsBase64, "base64")), contentBytes: content };
  const decisionCms = await timeStampedDecisionCms(db, decision);
  const document =
    prepared && input.document
      ? { ...common, purpose: "DOCUMENT" as const, cms: new Uint8Array(Buffer.from(input.document.cmsBase64, "base64")), contentBytes: signedBytes(prepared.pdf, prepared.byteRange as ByteRange) }
      : null;
  const documentCms = document ? await timeStampedDecisionCms(db, document) : null;
  const result = await db.$transaction(async (tx) => {
    const verdict = await verifyAndRecordDecisionSignature(tx, { ...decision, cms: decisionCms });
    if (verdict.status !== "valid" || !verdict.signatureId) return { ok: false as const, verdict };
    let documentSignatureId: string | undefined;
    if (prepared && document && documentCms) {
      const doc = await verifyAndRecordDecisionSignature(tx, { ...document, cms: documentCms });
      if (doc.status !== "valid" || !doc.signatureId) return { ok: false as const, verdict: doc };
      // One signer for both: the PDF prints the name of the certificate it was prepared for.
      const fingerprint = verdict.signer?.fingerprintSha256;
      if (doc.signer?.fingerprintSha256 !== fingerprint || fingerprint !== prepared.certFingerprint) throw new DomainError("licences.document_signer_differs");
      documentSignatureId = doc.signatureId;
    }
    const outcome = await runOfficerCommandInTx(tx, ctx, input, { type: "sign_decision", signatureRef: verdict.signatureId });
    return { ok: true as const, outcome: { ...outcome, signatureId: verdict.signatureId, ...(documentSignatureId ? { documentSignatureId } : {}) } };
  });
  if (!result.ok) throw refused(result.verdict);
  return result.outcome;
}
