import type { TApplicationStatus, TStep, TWorkflowDefinition } from "@/lib/law/regulations";
import type { TWorkflowAuditEntry } from "./audit-events";
import type { TEffect } from "./effects";
import { fail } from "./errors";
import type { WorkflowActor, WorkflowDeps, WorkflowState } from "./types";

export type Ctx = { def: TWorkflowDefinition; state: WorkflowState; actor: WorkflowActor; now: Date; deps: WorkflowDeps };

export type TransitionResult = { next: WorkflowState; effects: TEffect[]; audit: TWorkflowAuditEntry };

export const FINAL_STATUSES: readonly TApplicationStatus[] = ["ISSUED", "REFUSED", "WITHDRAWN"];

export const iso = (d: Date): string => d.toISOString();

export type UserActor = Extract<WorkflowActor, { kind: "user" }>;

export function userId(actor: WorkflowActor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}

export function currentStep(ctx: Pick<Ctx, "def" | "state">): { step: TStep; index: number } | null {
  const index = ctx.def.steps.findIndex((s) => s.key === ctx.state.stepKey);
  const step = ctx.def.steps[index];
  return step ? { step, index } : null;
}

export function requireStatus(ctx: Ctx, ...statuses: TApplicationStatus[]): void {
  if (!statuses.includes(ctx.state.status)) fail("workflow.step_out_of_order", { status: ctx.state.status, expected: statuses });
}

/** The current step must be of `action`; returns it. */
export function requireStepAction(ctx: Ctx, action: TStep["action"]): { step: TStep; index: number } {
  const cur = currentStep(ctx);
  if (!cur || cur.step.action !== action) fail("workflow.step_out_of_order", { stepKey: ctx.state.stepKey, expected: action });
  return cur;
}

/** The actor must hold the step's role and, when the step is assigned to a person, be that person. */
export function requireStepActor(ctx: Ctx, step: TStep): UserActor {
  const a = ctx.actor;
  if (a.kind !== "user" || a.role !== step.role) fail("workflow.wrong_role", { role: step.role });
  if (ctx.state.assigneeId && ctx.state.assigneeId !== a.userId) fail("workflow.not_assignee");
  return a;
}

type AuditData<T extends TWorkflowAuditEntry["type"]> = Extract<TWorkflowAuditEntry, { type: T }>["data"];

/** Bumps the version and builds the audit entry from the state before and after. */
export function finish<T extends TWorkflowAuditEntry["type"]>(
  ctx: Ctx,
  next: WorkflowState,
  effects: TEffect[],
  type: T,
  data: AuditData<T>,
): TransitionResult {
  const after = { ...next, version: ctx.state.version + 1 };
  const audit = {
    type,
    at: ctx.now,
    from: { status: ctx.state.status, stepKey: ctx.state.stepKey },
    to: { status: after.status, stepKey: after.stepKey },
    data,
  } as TWorkflowAuditEntry;
  return { next: after, effects, audit };
}

/** Step columns of a state that is not in any step (closed). */
export const NO_STEP = { stepKey: null, stepRole: null, assigneeId: null, stepStartedAt: null, stepDueAt: null } as const;
