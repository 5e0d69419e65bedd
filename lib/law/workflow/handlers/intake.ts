import { finish, iso, NO_STEP, requireStatus, type Ctx } from "../context";
import type { TEffect } from "../effects";
import { fail } from "../errors";
import { startStep } from "../step-flow";
import type { Handler } from "./handler";

/**
 * Who takes the applicant's place for intake: the office clerk at the counter and for a letter
 * (channels PROVIDER and POST), the PSC operator for a package accepted at a PSC [004 L645-648].
 */
const INTAKE_ROLE = { PROVIDER: "OFFICE_CLERK", POST: "OFFICE_CLERK", PSC: "PSC_OPERATOR" } as const;

function requireIntakeActor(ctx: Ctx): void {
  const a = ctx.actor;
  if (a.kind !== "user" || a.role === "APPLICANT") return;
  const role = ctx.state.channel === "PORTAL" ? null : INTAKE_ROLE[ctx.state.channel];
  if (a.role !== role) fail("workflow.wrong_role", { role: role ?? "APPLICANT", channel: ctx.state.channel });
}

export const paymentConfirmed: Handler<"payment_confirmed"> = {
  who: ["system", "staff"],
  guard(ctx) {
    requireIntakeActor(ctx);
    requireStatus(ctx, "DRAFT");
  },
  apply(ctx, cmd) {
    const wd = { ...ctx.state.workflowData, paymentConfirmedAt: iso(ctx.now), paymentRef: cmd.paymentRef };
    return finish(ctx, { ...ctx.state, workflowData: wd }, [], "application.payment_confirmed", { paymentRef: cmd.paymentRef });
  },
};

export const signatureVerified: Handler<"signature_verified"> = {
  who: ["system"],
  guard(ctx) {
    requireStatus(ctx, "DRAFT");
  },
  apply(ctx, cmd) {
    const wd = { ...ctx.state.workflowData, signatureVerifiedAt: iso(ctx.now), signatureRef: cmd.signatureRef };
    return finish(ctx, { ...ctx.state, workflowData: wd }, [], "application.signature_verified", { signatureRef: cmd.signatureRef });
  },
};

export const submit: Handler<"submit"> = {
  who: ["applicant", "staff"],
  guard(ctx) {
    requireIntakeActor(ctx);
    requireStatus(ctx, "DRAFT");
    const wd = ctx.state.workflowData;
    if (ctx.def.paymentRequired && !wd.paymentConfirmedAt) fail("workflow.payment_required");
    // A paper application is signed by hand at the counter; a portal request needs a verified EDS.
    if (ctx.state.channel === "PORTAL" && !wd.signatureVerifiedAt) fail("workflow.signature_required");
  },
  apply(ctx, cmd) {
    const { def, now, deps } = ctx;
    // The standard's term runs from the day the documents were submitted [004 L2440-2442, L7719-7721];
    // at a PSC from the day after acceptance [004 L607], by post from the day of receipt.
    if (cmd.termStartsAt && (ctx.state.channel === "PORTAL" || ctx.state.channel === "PROVIDER")) fail("workflow.invalid_command", { field: "termStartsAt" });
    const termStart = cmd.termStartsAt ?? now;
    const dueAt = deps.computeDue(def.overallTerm, termStart);
    const completenessDueAt = def.completenessTerm ? deps.computeDue(def.completenessTerm, termStart) : null;
    const base = {
      ...ctx.state,
      status: "SUBMITTED" as const,
      submittedAt: now,
      dueAt,
      workflowData: { ...ctx.state.workflowData, ...(completenessDueAt ? { completenessDueAt: iso(completenessDueAt) } : {}) },
    };
    let flow = startStep(ctx, { state: base, effects: [] }, 0, { assigneeId: null });
    // Where the regulation says so (West Kazakhstan [002 L178-179]) the information system registers
    // a portal request itself: the register step is completed by the system at once and the next
    // step starts; a walk-in (provider channel) is still registered by the office clerk.
    const autoRegistered = !!def.portalAutoRegistration && ctx.state.channel === "PORTAL" && def.steps[0]?.action === "register";
    if (autoRegistered) {
      const started = flow.effects.filter((e) => e.type === "step_started");
      const seq = flow.state.workflowData.stepSeq;
      const registered: TEffect = { type: "step_completed", seq, stepKey: def.steps[0]!.key, outcome: "registered", completedAt: now, completedById: null };
      flow = startStep(ctx, { state: { ...flow.state, status: "IN_PROGRESS", registeredAt: now }, effects: [...started, registered] }, 1);
    }
    const effects: TEffect[] = [
      ...flow.effects,
      { type: "schedule_job", name: "workflow.overall_deadline", runAt: dueAt, payload: { command: { type: "deadline_passed", deadline: "overall" } } },
      { type: "notify", recipient: { kind: "applicant" }, messageKey: "workflow.notify.submitted", params: { dueAt: iso(dueAt) } },
    ];
    return finish(ctx, flow.state, effects, "application.submitted", {
      regulationId: def.regulationId,
      regulationVersion: def.regulationVersion,
      variant: def.variant,
      dueAt: iso(dueAt),
      completenessDueAt: completenessDueAt ? iso(completenessDueAt) : null,
      ...(autoRegistered ? { autoRegistered: true } : {}),
    });
  },
};

export const withdraw: Handler<"withdraw"> = {
  who: ["applicant"],
  guard(ctx) {
    if (ctx.state.status !== "DRAFT" && ctx.state.status !== "SUBMITTED") fail("workflow.not_withdrawable", { status: ctx.state.status });
  },
  apply(ctx, cmd) {
    const s = ctx.state;
    const effects: TEffect[] = [{ type: "cancel_jobs", names: ["workflow.overall_deadline", "workflow.step_deadline"] }];
    if (s.stepKey) {
      effects.unshift({ type: "step_cancelled", seq: s.workflowData.stepSeq, stepKey: s.stepKey, at: ctx.now, reason: "withdrawn" });
      effects.push({ type: "notify", recipient: { kind: "role", role: "OFFICE_CLERK", organisationId: s.organisationId }, messageKey: "workflow.notify.withdrawn", params: {} });
    }
    const next = {
      ...s,
      ...NO_STEP,
      status: "WITHDRAWN" as const,
      closedAt: ctx.now,
      workflowData: { ...s.workflowData, withdrawal: { at: iso(ctx.now), reason: cmd.reason } },
    };
    return finish(ctx, next, effects, "application.withdrawn", { reason: cmd.reason });
  },
};
