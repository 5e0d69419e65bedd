import type { TStepOutcome } from "@/lib/law/regulations";
import { iso, userId, type Ctx } from "./context";
import type { TEffect, TJobName, TNotifyRecipient } from "./effects";
import type { WorkflowState } from "./types";

export type Flow = { state: WorkflowState; effects: TEffect[] };

export function recipientOfStep(state: WorkflowState): TNotifyRecipient | null {
  if (state.assigneeId) return { kind: "user", userId: state.assigneeId };
  if (state.stepRole) return { kind: "role", role: state.stepRole, organisationId: state.organisationId };
  return null;
}

export function completeStep(ctx: Ctx, flow: Flow, outcome: TStepOutcome): Flow {
  const s = flow.state;
  if (!s.stepKey) return flow;
  const effect: TEffect = {
    type: "step_completed",
    seq: s.workflowData.stepSeq,
    stepKey: s.stepKey,
    outcome,
    completedAt: ctx.now,
    completedById: userId(ctx.actor),
  };
  return { state: s, effects: [...flow.effects, effect] };
}

type StartOptions = {
  /** undefined = the person named for this role by an earlier resolution, if any. */
  assigneeId?: string | null;
  dueAt?: Date;
  job?: { name: TJobName; deadline: "step" | "hand_over" };
};

/** Starts step `index`: step columns, ApplicationStep row, deadline job, notification. */
export function startStep(ctx: Ctx, flow: Flow, index: number, opts: StartOptions = {}): Flow {
  const step = ctx.def.steps[index];
  if (!step) throw new RangeError(`workflow: no step ${index} in ${ctx.def.regulationId}`);
  const wd = flow.state.workflowData;
  const seq = wd.stepSeq + 1;
  const assigneeId = opts.assigneeId !== undefined ? opts.assigneeId : (wd.assignees[step.role] ?? null);
  const norm = opts.dueAt ?? ctx.deps.computeDue(step.term, ctx.now);
  // Where the printed norms overrun the legal term, the legal term prevails: an officer who uses
  // the whole norm would otherwise let tacit approval happen (choice in the regulation file).
  const overall = flow.state.dueAt;
  const dueAt = ctx.def.capStepTermsToOverallTerm && overall && norm > overall && overall > ctx.now ? overall : norm;
  const state: WorkflowState = {
    ...flow.state,
    stepKey: step.key,
    stepRole: step.role,
    assigneeId,
    stepStartedAt: ctx.now,
    stepDueAt: dueAt,
    workflowData: { ...wd, stepSeq: seq },
  };
  const job = opts.job ?? { name: "workflow.step_deadline", deadline: "step" };
  const effects: TEffect[] = [
    ...flow.effects,
    { type: "step_started", seq, stepKey: step.key, role: step.role, assigneeId, startedAt: ctx.now, dueAt },
    {
      type: "schedule_job",
      name: job.name,
      runAt: dueAt,
      payload: { command: { type: "deadline_passed", deadline: job.deadline, stepKey: step.key, seq } },
    },
    {
      type: "notify",
      recipient: recipientOfStep(state)!,
      messageKey: "workflow.notify.step_assigned",
      params: { stepKey: step.key, dueAt: iso(dueAt) },
    },
  ];
  return { state, effects };
}

/**
 * Index of the step to go to from `from`: the next one, the next that may draft a refusal, or the
 * sign step. Steps passed over are reported as skipped.
 */
export function moveTarget(ctx: Ctx, flow: Flow, from: number, target: "next" | "refusal" | "sign"): { flow: Flow; index: number } {
  const steps = ctx.def.steps;
  let index = from + 1;
  if (target === "refusal") {
    while (index < steps.length && !steps[index]!.outcomes.includes("draft_refusal")) index++;
  } else if (target === "sign") {
    index = steps.findIndex((s) => s.action === "sign");
  }
  const reason = target === "refusal" ? "check_failed" : "refusal_drafted";
  const skipped: TEffect[] = steps.slice(from + 1, index).map((s) => ({ type: "step_skipped", stepKey: s.key, reason }));
  return { flow: { state: flow.state, effects: [...flow.effects, ...skipped] }, index };
}
