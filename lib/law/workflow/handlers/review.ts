import type { TCheck } from "@/lib/law/regulations";
import { finish, iso, requireStatus, requireStepAction, requireStepActor, type Ctx } from "../context";
import type { TEffect } from "../effects";
import { fail } from "../errors";
import { completeStep, moveTarget, startStep, type Flow } from "../step-flow";
import type { TDecision, TWorkflowData } from "../types";
import type { Handler } from "./handler";

function requireWork(ctx: Ctx, needsReview: boolean) {
  requireStatus(ctx, "IN_PROGRESS");
  const cur = requireStepAction(ctx, "work");
  const actor = requireStepActor(ctx, cur.step);
  if (needsReview && !ctx.state.workflowData.reviewStartedAt) fail("workflow.step_out_of_order", { reason: "review_not_started" });
  return { ...cur, actor };
}

export const startReview: Handler<"start_review"> = {
  who: ["staff"],
  guard(ctx) {
    requireWork(ctx, false);
    if (ctx.state.workflowData.reviewStartedAt) fail("workflow.step_out_of_order", { reason: "review_already_started" });
  },
  apply(ctx) {
    const { step, actor } = requireWork(ctx, false);
    const wd = { ...ctx.state.workflowData, reviewStartedAt: iso(ctx.now), reviewStartedById: actor.userId };
    return finish(ctx, { ...ctx.state, workflowData: wd }, [], "application.review_started", { stepKey: step.key });
  },
};

export const recordCheck: Handler<"record_check"> = {
  who: ["staff"],
  guard(ctx) {
    const { step } = requireWork(ctx, true);
    if (step.checks.length === 0) fail("workflow.step_out_of_order", { reason: "no_checks_in_step" });
  },
  apply(ctx, cmd) {
    const { step, index, actor } = requireWork(ctx, true);
    if (!step.checks.includes(cmd.check)) fail("workflow.step_out_of_order", { check: cmd.check, stepKey: step.key });
    const wd0 = ctx.state.workflowData;
    const result = { passed: cmd.passed, items: cmd.items, note: cmd.note, at: iso(ctx.now), byUserId: actor.userId, stepKey: step.key };
    let wd: TWorkflowData = { ...wd0, checks: { ...wd0.checks, [cmd.check]: result } };
    // An incomplete package is refused within the completeness term [004 L2600-2605], [003 L226-228].
    const refusalDueAt = !cmd.passed && cmd.check === "completeness" && wd.completenessDueAt ? wd.completenessDueAt : null;
    if (cmd.passed) {
      if (wd.refusalRequired?.check === cmd.check) wd = { ...wd, refusalRequired: undefined };
    } else {
      const ground = cmd.check === "completeness" ? ctx.def.completenessRefusalGround : null;
      wd = { ...wd, refusalRequired: { check: cmd.check, ground, since: iso(ctx.now), dueAt: refusalDueAt } };
    }
    let flow: Flow = { state: { ...ctx.state, workflowData: wd }, effects: [] };
    const allPassed = step.checks.every((c: TCheck) => wd.checks[c]?.passed === true && wd.checks[c]?.stepKey === step.key);
    if (cmd.passed && allPassed && step.outcomes.includes("checked")) {
      flow = startStep(ctx, completeStep(ctx, flow, "checked"), index + 1);
    } else if (!cmd.passed && step.outcomes.includes("draft_refusal")) {
      if (refusalDueAt) flow = moveStepDue(ctx, flow, new Date(refusalDueAt));
    } else if (!cmd.passed) {
      const moved = moveTarget(ctx, completeStep(ctx, flow, "check_failed"), index, "refusal");
      flow = startStep(ctx, moved.flow, moved.index, refusalDueAt ? { dueAt: new Date(refusalDueAt) } : {});
    }
    return finish(ctx, flow.state, flow.effects, "application.check_recorded", {
      stepKey: step.key,
      check: cmd.check,
      passed: cmd.passed,
      items: cmd.items,
      note: cmd.note,
      refusalDueAt,
    });
  },
};

function moveStepDue(ctx: Ctx, flow: Flow, dueAt: Date): Flow {
  const s = flow.state;
  const seq = s.workflowData.stepSeq;
  const effects: TEffect[] = [
    ...flow.effects,
    { type: "step_due_changed", seq, stepKey: s.stepKey!, dueAt, reason: "completeness_refusal" },
    { type: "cancel_jobs", names: ["workflow.step_deadline"] },
    { type: "schedule_job", name: "workflow.step_deadline", runAt: dueAt, payload: { command: { type: "deadline_passed", deadline: "step", stepKey: s.stepKey!, seq } } },
  ];
  return { state: { ...s, stepDueAt: dueAt }, effects };
}

export const draftDecision: Handler<"draft_decision"> = {
  who: ["staff"],
  guard(ctx) {
    const { step } = requireWork(ctx, true);
    if (!step.outcomes.some((o) => o === "draft_licence" || o === "draft_refusal")) fail("workflow.step_out_of_order", { reason: "step_does_not_draft" });
  },
  apply(ctx, cmd) {
    const { step, index, actor } = requireWork(ctx, true);
    const wd = ctx.state.workflowData;
    const d = cmd.decision;
    let decision: TDecision;
    if (d.kind === "licence") {
      if (!step.outcomes.includes("draft_licence")) fail("workflow.step_out_of_order", { reason: "licence_not_drafted_here" });
      if (d.subtypes.length === 0) fail("workflow.subtypes_required");
      const failed = Object.values(wd.checks).some((c) => c && !c.passed);
      const missing = step.checks.filter((c) => wd.checks[c]?.passed !== true);
      if (wd.refusalRequired || failed || missing.length) fail("workflow.checks_required", { missing });
      decision = { kind: "licence", grounds: [], subtypes: [...new Set(d.subtypes)], draftedById: actor.userId, draftedAt: iso(ctx.now), stepKey: step.key };
    } else {
      if (!step.outcomes.includes("draft_refusal")) fail("workflow.step_out_of_order", { reason: "refusal_not_drafted_here" });
      if (d.grounds.length === 0) fail("workflow.grounds_required");
      const allowed = new Set(ctx.def.refusalGrounds);
      if (ctx.def.completenessRefusalGround && wd.checks.completeness?.passed === false) allowed.add(ctx.def.completenessRefusalGround);
      const unknown = d.grounds.filter((g) => !allowed.has(g));
      if (unknown.length) fail("workflow.unknown_ground", { unknown });
      if (!d.reason) fail("workflow.reason_required");
      decision = { kind: "refusal", grounds: [...new Set(d.grounds)], reason: d.reason, draftedById: actor.userId, draftedAt: iso(ctx.now), stepKey: step.key };
    }
    const flow0 = completeStep(ctx, { state: { ...ctx.state, decision }, effects: [] }, d.kind === "licence" ? "draft_licence" : "draft_refusal");
    const moved = moveTarget(ctx, flow0, index, "sign");
    const flow = startStep(ctx, moved.flow, moved.index);
    return finish(ctx, flow.state, flow.effects, "application.decision_drafted", {
      kind: decision.kind,
      grounds: decision.grounds,
      subtypes: decision.subtypes ?? [],
      reason: decision.reason,
    });
  },
};
