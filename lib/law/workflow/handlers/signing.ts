import { finish, iso, requireStatus, requireStepAction, requireStepActor, type Ctx } from "../context";
import type { TEffect } from "../effects";
import { fail } from "../errors";
import { completeStep, startStep } from "../step-flow";
import type { TDecision } from "../types";
import type { Handler } from "./handler";

/**
 * The sign step's actor answers an unsigned draft: the result is signed with the EDS of the
 * provider's authorised person [000 L230-231], [002 L185-187], so the signing right is required.
 */
function requireSignersTurn(ctx: Ctx, nothing: "nothing_to_sign" | "nothing_to_return"): void {
  requireStatus(ctx, "IN_PROGRESS");
  const actor = requireStepActor(ctx, requireStepAction(ctx, "sign").step);
  if (actor.canSign !== true) fail("workflow.no_signing_right");
  if (!ctx.state.decision || ctx.state.decision.signedById) fail("workflow.step_out_of_order", { reason: nothing });
}

export const signDecision: Handler<"sign_decision"> = {
  who: ["staff"],
  guard(ctx) {
    requireSignersTurn(ctx, "nothing_to_sign");
  },
  apply(ctx, cmd) {
    const { index } = requireStepAction(ctx, "sign");
    const actor = requireStepActor(ctx, ctx.def.steps[index]!);
    const decision = { ...ctx.state.decision!, signedById: actor.userId, signedAt: iso(ctx.now) };
    let flow = completeStep(ctx, { state: { ...ctx.state, decision }, effects: [] }, "signed");
    // A signed refusal reaches the applicant within the standard's term (2 working days
    // [004 L2634-2636, L7874-7879]): that is the hand-over step's deadline.
    const refusalDue = decision.kind === "refusal" && ctx.def.refusalDelivery ? ctx.deps.computeDue(ctx.def.refusalDelivery.term, ctx.now) : undefined;
    flow = startStep(ctx, flow, index + 1, refusalDue ? { dueAt: refusalDue } : {});
    const effects: TEffect[] = [
      ...flow.effects,
      // A signed result excludes tacit approval; the overall check is no longer needed.
      { type: "cancel_jobs", names: ["workflow.overall_deadline"] },
      { type: "notify", recipient: { kind: "applicant" }, messageKey: "workflow.notify.decision_signed", params: { kind: decision.kind } },
    ];
    if (decision.kind === "licence") {
      effects.push({ type: "issue_licence", basis: "signed", subtypes: decision.subtypes ?? [], at: ctx.now, handOverDueAt: null });
    }
    return finish(ctx, flow.state, effects, "application.decision_signed", { kind: decision.kind, signatureRef: cmd.signatureRef });
  },
};

/** Index of the step that drafted `decision`: the one it names, else (older rows) the last step before signing that drafts its kind. */
function draftingStepIndex(ctx: Ctx, signIndex: number, decision: TDecision): number {
  const steps = ctx.def.steps;
  const named = decision.stepKey ? steps.findIndex((s) => s.key === decision.stepKey) : -1;
  if (named >= 0 && named < signIndex) return named;
  const outcome = decision.kind === "licence" ? "draft_licence" : "draft_refusal";
  for (let i = signIndex - 1; i >= 0; i--) if (steps[i]!.outcomes.includes(outcome)) return i;
  fail("workflow.step_out_of_order", { reason: "no_drafting_step" });
}

/**
 * The head (the sign step's role, its assignee if named, with the signing right) does not sign but returns the draft to the
 * step that drafted it with a comment: the sign step ends "returned", the drafting step starts again
 * with the executor who drafted it and the step's own deadline (the legal refusal term, where a failed
 * completeness check set one), the draft is cleared and kept in `workflowData.returns` with the comment.
 */
export const returnForRevision: Handler<"return_for_revision"> = {
  who: ["staff"],
  guard(ctx) {
    // Returning is the signer's other answer to the draft: the same right as signing it.
    requireSignersTurn(ctx, "nothing_to_return");
  },
  apply(ctx, cmd) {
    const { step, index } = requireStepAction(ctx, "sign");
    const actor = requireStepActor(ctx, step);
    const decision = ctx.state.decision!;
    const target = draftingStepIndex(ctx, index, decision);
    const targetStep = ctx.def.steps[target]!;
    const wd = ctx.state.workflowData;
    const returned = { at: iso(ctx.now), byUserId: actor.userId, comment: cmd.comment, fromStepKey: step.key, toStepKey: targetStep.key, decision };
    let flow = completeStep(ctx, { state: { ...ctx.state, decision: null, workflowData: { ...wd, returns: [...wd.returns, returned] } }, effects: [] }, "returned");
    const legalDue = wd.refusalRequired?.dueAt;
    flow = startStep(ctx, flow, target, {
      assigneeId: wd.assignees[targetStep.role] ?? decision.draftedById,
      ...(legalDue ? { dueAt: new Date(legalDue) } : {}),
    });
    return finish(ctx, flow.state, flow.effects, "application.returned_for_revision", {
      kind: decision.kind,
      comment: cmd.comment,
      toStepKey: targetStep.key,
      assigneeId: flow.state.assigneeId,
    });
  },
};
