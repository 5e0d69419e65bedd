import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { verifyAndRecordDecisionSignature } from "@/lib/trust/signatures";
import { decisionSigningContent } from "./decision-content";
import { runOfficerCommandInTx, type OfficerCommandContext, type TActionOutcome } from "./run-command";
import { scopedApplicationFacts } from "./scoped-application";
import type { TSignDecisionInput } from "./schemas";

/**
 * The head (with the signing right) signs the drafted decision with EDS: the CMS is verified over
 * `decisionSigningContent` recomputed from the stored row and recorded by
 * `verifyAndRecordDecisionSignature` (audit `signature.verified` / `signature.rejected` either
 * way); a valid signature's id is the `signatureRef` of the engine's `sign_decision`, and the
 * licence issued by that transition carries it. An invalid one stops with `pki.detail.<status>`
 * and changes nothing else. Verification, the signature row and the command share one
 * transaction: a command that fails (a wrong role, a concurrent change) leaves no signature behind;
 * a refused signature commits only its audit. The result is signed with the EDS of the provider's
 * authorised person [000 L230-231], [002 L185-187].
 */
export async function signDecision(
  db: Db,
  ctx: OfficerCommandContext,
  input: TSignDecisionInput,
): Promise<TActionOutcome & { signatureId: string }> {
  if (!ctx.actor.canSign) throw new DomainError("workflow.no_signing_right");
  const app = await scopedApplicationFacts(db, ctx.actor, input.applicationId);
  // A stale page would sign a decision that may have changed: refuse before recording anything.
  if (app.version !== input.expected.version) throw new DomainError("workflow.stale_state");
  const content = decisionSigningContent(app);
  if (!content) throw new DomainError("workflow.step_out_of_order", { reason: "nothing_to_sign" });
  const result = await db.$transaction(async (tx) => {
    const verdict = await verifyAndRecordDecisionSignature(tx, {
      actor: ctx.actor,
      applicationId: app.id,
      cms: new Uint8Array(Buffer.from(input.cmsBase64, "base64")),
      contentBytes: content,
      now: ctx.now,
      meta: ctx.meta,
    });
    if (verdict.status !== "valid" || !verdict.signatureId) return { ok: false as const, verdict };
    const outcome = await runOfficerCommandInTx(tx, ctx, input, { type: "sign_decision", signatureRef: verdict.signatureId });
    return { ok: true as const, outcome: { ...outcome, signatureId: verdict.signatureId } };
  });
  if (!result.ok) throw new DomainError(`pki.detail.${result.verdict.status}`, { reason: result.verdict.reason });
  return result.outcome;
}
