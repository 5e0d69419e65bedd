import { finish, iso, NO_STEP, requireStatus, requireStepAction, requireStepActor } from "../context";
import type { TEffect } from "../effects";
import { fail } from "../errors";
import { completeStep, startStep } from "../step-flow";
import type { Handler } from "./handler";

export const register: Handler<"register"> = {
  who: ["staff"],
  guard(ctx) {
    requireStatus(ctx, "SUBMITTED");
    requireStepActor(ctx, requireStepAction(ctx, "register").step);
  },
  apply(ctx, cmd) {
    const { index } = requireStepAction(ctx, "register");
    let flow = completeStep(ctx, { state: { ...ctx.state, status: "IN_PROGRESS", registeredAt: ctx.now }, effects: [] }, "registered");
    flow = startStep(ctx, flow, index + 1);
    const effects: TEffect[] = [
      ...flow.effects,
      { type: "notify", recipient: { kind: "applicant" }, messageKey: "workflow.notify.registered", params: { registrationNumber: cmd.registrationNumber ?? null } },
    ];
    return finish(ctx, flow.state, effects, "application.registered", { registrationNumber: cmd.registrationNumber });
  },
};

export const handOver: Handler<"hand_over"> = {
  who: ["staff"],
  guard(ctx) {
    requireStatus(ctx, "IN_PROGRESS", "DEEMED_ISSUED");
    const { step } = requireStepAction(ctx, "hand_over");
    requireStepActor(ctx, step);
    if (ctx.state.status === "IN_PROGRESS" && !ctx.state.decision?.signedById) fail("workflow.step_out_of_order", { reason: "unsigned" });
  },
  apply(ctx, cmd) {
    if (cmd.mode === "paper" && !cmd.recipientName) fail("workflow.recipient_required");
    const s = ctx.state;
    const result = s.status === "DEEMED_ISSUED" || s.decision?.kind === "licence" ? "ISSUED" : "REFUSED";
    const flow = completeStep(ctx, { state: s, effects: [] }, "handed_over");
    const handOver = { mode: cmd.mode, recipientName: cmd.recipientName, at: iso(ctx.now), byUserId: ctx.actor.kind === "user" ? ctx.actor.userId : "system" };
    const next = { ...s, ...NO_STEP, status: result, closedAt: ctx.now, workflowData: { ...s.workflowData, handOver } } as const;
    const effects: TEffect[] = [
      ...flow.effects,
      { type: "cancel_jobs", names: ["workflow.overall_deadline", "workflow.step_deadline", "workflow.hand_over_deadline"] },
      { type: "notify", recipient: { kind: "applicant" }, messageKey: "workflow.notify.result_ready", params: { result } },
    ];
    return finish(ctx, next, effects, "application.handed_over", { mode: cmd.mode, recipientName: cmd.recipientName, result });
  },
};

