import { finish, iso, requireStatus, requireStepAction, requireStepActor } from "../context";
import type { TEffect } from "../effects";
import { fail } from "../errors";
import { completeStep, startStep } from "../step-flow";
import type { Handler } from "./handler";

export const signDecision: Handler<"sign_decision"> = {
  who: ["staff"],
  guard(ctx) {
    requireStatus(ctx, "IN_PROGRESS");
    const actor = requireStepActor(ctx, requireStepAction(ctx, "sign").step);
    // The result is signed with the EDS of the provider's authorised person [000 L230-231], [002 L185-187].
    if (actor.canSign !== true) fail("workflow.no_signing_right");
    if (!ctx.state.decision || ctx.state.decision.signedById) fail("workflow.step_out_of_order", { reason: "nothing_to_sign" });
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
