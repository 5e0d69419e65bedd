import { currentStep, finish, iso, requireStatus, type Ctx, type UserActor } from "../context";
import type { TEffect } from "../effects";
import { fail } from "../errors";
import { recipientOfStep } from "../step-flow";
import type { Handler } from "./handler";
import type { TSuspensionReason } from "@/lib/law/regulations";

/** The officer of the current step (its assignee, if named) or the head of the organisation. */
function requireSuspender(ctx: Ctx): UserActor {
  const a = ctx.actor;
  const cur = currentStep(ctx);
  if (a.kind !== "user" || !cur) fail("workflow.wrong_role");
  if (a.role === "HEAD") return a;
  if (a.role !== cur.step.role) fail("workflow.wrong_role", { role: cur.step.role });
  if (ctx.state.assigneeId && ctx.state.assigneeId !== a.userId) fail("workflow.not_assignee");
  return a;
}

function suspendGuard(ctx: Ctx): void {
  requireStatus(ctx, "IN_PROGRESS");
  requireSuspender(ctx);
  if (!ctx.def.suspension.allowed) fail("workflow.suspension_not_allowed");
}

/** Stops the clock: lib/law/deadlines shifts dueAt / stepDueAt from the recorded facts on resume. */
function suspendEffects(ctx: Ctx, reason: string, messageKey: string, items: string[]): TEffect[] {
  return [
    { type: "deadline_event", event: { type: "suspended", at: ctx.now, reason } },
    { type: "cancel_jobs", names: ["workflow.overall_deadline", "workflow.step_deadline"] },
    { type: "notify", recipient: { kind: "applicant" }, messageKey, params: { reason, items: items.join("\n") || null } },
  ];
}

/**
 * Both ways of stopping the clock (a correction request, a suspension): the officer gives a reason,
 * the regulation must allow the reason code; the open suspension is kept in workflowData.
 */
function suspendFor(
  ctx: Ctx,
  s: { kind: "correction" | "suspension"; reasonCode: TSuspensionReason; reason: string | undefined; items: string[] },
  messageKey: string,
) {
  const actor = requireSuspender(ctx);
  if (!s.reason) fail("workflow.reason_required");
  if (!ctx.def.suspension.reasons.includes(s.reasonCode)) fail("workflow.suspension_not_allowed", { reasonCode: s.reasonCode });
  const suspension = { kind: s.kind, reasonCode: s.reasonCode, reason: s.reason, items: s.items, at: iso(ctx.now), byUserId: actor.userId };
  const next = { ...ctx.state, status: "SUSPENDED" as const, workflowData: { ...ctx.state.workflowData, suspension } };
  return { next, effects: suspendEffects(ctx, s.reason, messageKey, s.items) };
}

export const requestCorrection: Handler<"request_correction"> = {
  who: ["staff"],
  guard: suspendGuard,
  apply(ctx, cmd) {
    const { next, effects } = suspendFor(ctx, { kind: "correction", reasonCode: "correction_requested", reason: cmd.reason, items: cmd.items }, "workflow.notify.correction_requested");
    return finish(ctx, next, effects, "application.correction_requested", { reason: cmd.reason, items: cmd.items });
  },
};

export const suspend: Handler<"suspend"> = {
  who: ["staff"],
  guard: suspendGuard,
  apply(ctx, cmd) {
    const { next, effects } = suspendFor(ctx, { kind: "suspension", reasonCode: cmd.reasonCode, reason: cmd.reason, items: [] }, "workflow.notify.suspended");
    return finish(ctx, next, effects, "application.suspended", { reasonCode: cmd.reasonCode, reason: cmd.reason });
  },
};

export const resume: Handler<"resume"> = {
  who: ["staff", "applicant"],
  guard(ctx) {
    requireStatus(ctx, "SUSPENDED");
    const open = ctx.state.workflowData.suspension;
    // The applicant resumes a correction request by sending the corrections; other suspensions end by the office.
    if (ctx.actor.kind === "user" && ctx.actor.role === "APPLICANT") {
      if (open?.kind !== "correction") fail("workflow.wrong_role");
    } else requireSuspender(ctx);
  },
  apply(ctx) {
    const s = ctx.state;
    const open = s.workflowData.suspension;
    if (!open) fail("workflow.step_out_of_order", { reason: "not_suspended" });
    const byUserId = ctx.actor.kind === "user" ? ctx.actor.userId : "system";
    const closed = { kind: open.kind, reasonCode: open.reasonCode, reason: open.reason, at: open.at, resumedAt: iso(ctx.now), byUserId: open.byUserId, resumedById: byUserId };
    const next = {
      ...s,
      status: "IN_PROGRESS" as const,
      workflowData: { ...s.workflowData, suspension: undefined, suspensions: [...s.workflowData.suspensions, closed] },
    };
    const suspendedAt = new Date(open.at);
    const effects: TEffect[] = [
      { type: "deadline_event", event: { type: "resumed", at: ctx.now } },
      { type: "recompute_deadlines", suspendedAt, resumedAt: ctx.now, stepKey: s.stepKey, seq: s.workflowData.stepSeq },
    ];
    const to = recipientOfStep(s);
    if (to) effects.push({ type: "notify", recipient: to, messageKey: "workflow.notify.resumed", params: { stepKey: s.stepKey } });
    return finish(ctx, next, effects, "application.resumed", { kind: open.kind, suspendedAt: open.at });
  },
};
