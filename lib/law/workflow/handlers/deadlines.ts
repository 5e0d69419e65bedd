import { currentStep, finish, iso, type Ctx, type TransitionResult } from "../context";
import type { TCommandOf } from "../commands";
import type { TEffect } from "../effects";
import { fail } from "../errors";
import { recipientOfStep, startStep } from "../step-flow";
import type { Handler } from "./handler";

export const deadlinePassed: Handler<"deadline_passed"> = {
  who: ["system"],
  guard(ctx) {
    if (ctx.state.status === "DRAFT" || ctx.state.status === "SUSPENDED") fail("workflow.step_out_of_order", { status: ctx.state.status });
  },
  apply(ctx, cmd) {
    if (cmd.deadline === "overall") return overall(ctx);
    if (cmd.deadline === "step") return step(ctx, cmd);
    return handOver(ctx);
  },
};

function requireRunning(ctx: Ctx): void {
  if (ctx.state.status !== "SUBMITTED" && ctx.state.status !== "IN_PROGRESS") fail("workflow.step_out_of_order", { status: ctx.state.status });
}

/**
 * Tacit approval: neither a licence nor a reasoned refusal signed within the standard's term → the
 * licence is deemed issued from the end of the term and must be handed over within 5 working days
 * [004 L2652-2666, L7892-7903]; supervisors are told.
 */
function overall(ctx: Ctx): TransitionResult {
  requireRunning(ctx);
  const s = ctx.state;
  if (!s.dueAt || s.dueAt > ctx.now) fail("workflow.deadline_not_reached", { dueAt: s.dueAt?.toISOString() ?? null });
  const supervisors = { kind: "supervisors", organisationId: s.organisationId } as const;
  if (s.decision?.signedById) {
    return finish(ctx, s, [], "application.deadline_passed", { deadline: "overall", stepKey: s.stepKey, dueAt: iso(s.dueAt), consequence: "decision_already_signed" });
  }
  const rule = ctx.def.tacitApproval;
  if (!rule) {
    const effects: TEffect[] = [{ type: "notify", recipient: supervisors, messageKey: "workflow.notify.overall_overdue", params: { dueAt: iso(s.dueAt) } }];
    const to = recipientOfStep(s);
    if (to) effects.push({ type: "notify", recipient: to, messageKey: "workflow.notify.overall_overdue", params: { dueAt: iso(s.dueAt) } });
    return finish(ctx, s, effects, "application.deadline_passed", { deadline: "overall", stepKey: s.stepKey, dueAt: iso(s.dueAt), consequence: "notified" });
  }
  const deemedIssuedAt = s.dueAt;
  const handOverDueAt = ctx.deps.computeDue(rule.handOverTerm, deemedIssuedAt);
  const effects: TEffect[] = [];
  if (s.stepKey) effects.push({ type: "step_cancelled", seq: s.workflowData.stepSeq, stepKey: s.stepKey, at: ctx.now, reason: "tacit_approval" });
  effects.push({ type: "cancel_jobs", names: ["workflow.step_deadline"] });
  const handOverIndex = ctx.def.steps.findIndex((x) => x.action === "hand_over");
  const base = {
    ...s,
    status: "DEEMED_ISSUED" as const,
    deemedIssuedAt,
    workflowData: { ...s.workflowData, tacitApproval: { deemedIssuedAt: iso(deemedIssuedAt), handOverDueAt: iso(handOverDueAt) } },
  };
  const flow = startStep(ctx, { state: base, effects }, handOverIndex, {
    assigneeId: null,
    dueAt: handOverDueAt,
    job: { name: "workflow.hand_over_deadline", deadline: "hand_over" },
  });
  const subtypes = s.decision?.kind === "licence" ? (s.decision.subtypes ?? []) : [];
  const params = { deemedIssuedAt: iso(deemedIssuedAt), handOverDueAt: iso(handOverDueAt) };
  flow.effects.push(
    { type: "issue_licence", basis: "tacit", subtypes, at: ctx.now, handOverDueAt },
    { type: "notify", recipient: { kind: "applicant" }, messageKey: "workflow.notify.deemed_issued", params },
    { type: "notify", recipient: supervisors, messageKey: "workflow.notify.deemed_issued", params },
  );
  return finish(ctx, flow.state, flow.effects, "application.deemed_issued", {
    ...params,
    unsignedDraft: s.decision?.kind ?? null,
  });
}

function step(ctx: Ctx, cmd: TCommandOf<"deadline_passed">): TransitionResult {
  requireRunning(ctx);
  const s = ctx.state;
  if ((cmd.stepKey && cmd.stepKey !== s.stepKey) || (cmd.seq && cmd.seq !== s.workflowData.stepSeq)) {
    fail("workflow.stale_state", { stepKey: s.stepKey, seq: s.workflowData.stepSeq });
  }
  if (!s.stepDueAt || s.stepDueAt > ctx.now) fail("workflow.deadline_not_reached", { dueAt: s.stepDueAt?.toISOString() ?? null });
  const params = { stepKey: s.stepKey, dueAt: iso(s.stepDueAt) };
  const effects: TEffect[] = [];
  const to = recipientOfStep(s);
  if (to) effects.push({ type: "notify", recipient: to, messageKey: "workflow.notify.step_overdue", params });
  if (currentStep(ctx)?.step.role !== "HEAD") {
    effects.push({ type: "notify", recipient: { kind: "role", role: "HEAD", organisationId: s.organisationId }, messageKey: "workflow.notify.step_overdue", params });
  }
  return finish(ctx, s, effects, "application.deadline_passed", { deadline: "step", stepKey: s.stepKey, dueAt: iso(s.stepDueAt), consequence: "notified" });
}

/** Five working days after tacit approval without hand-over, the licence is deemed received [004 L7892-7903]. */
function handOver(ctx: Ctx): TransitionResult {
  const s = ctx.state;
  const tacit = s.workflowData.tacitApproval;
  if (s.status !== "DEEMED_ISSUED" || !tacit || tacit.deemedReceivedAt) fail("workflow.step_out_of_order", { status: s.status });
  if (new Date(tacit.handOverDueAt) > ctx.now) fail("workflow.deadline_not_reached", { dueAt: tacit.handOverDueAt });
  const next = { ...s, workflowData: { ...s.workflowData, tacitApproval: { ...tacit, deemedReceivedAt: iso(ctx.now) } } };
  const params = { handOverDueAt: tacit.handOverDueAt };
  const effects: TEffect[] = [
    { type: "notify", recipient: { kind: "applicant" }, messageKey: "workflow.notify.deemed_received", params },
    { type: "notify", recipient: { kind: "supervisors", organisationId: s.organisationId }, messageKey: "workflow.notify.deemed_received", params },
  ];
  return finish(ctx, next, effects, "application.deemed_received", params);
}
