import { expect } from "vitest";
import type { TStaffRole, TWorkflowDefinition } from "@/lib/law/regulations";
import type { TEffect, TWorkflowAuditEntry, WorkflowActor, WorkflowState } from "@/lib/law/workflow";
import { applicant, assignTo, clerk, deptHead, deputy, draft, executor, head, run, system } from "./fixtures";

export const ACTOR_OF: Record<TStaffRole, WorkflowActor> = {
  OFFICE_CLERK: clerk,
  HEAD: head,
  DEPUTY_HEAD: deputy,
  DEPARTMENT_HEAD: deptHead,
  EXECUTOR: executor,
};

export type Trace = { state: WorkflowState; effects: TEffect[]; audits: TWorkflowAuditEntry[] };

/**
 * Walks a definition to the end: every check passes; at the drafting step the executor drafts a
 * licence, or a refusal on the first ground of the standard's list. `returnOnce`: the head first
 * returns the draft for revision (the executor drafts it again), then signs.
 */
export function drive(d: TWorkflowDefinition, outcome: "licence" | "refusal", startAt = "2025-03-03T10:00:00.000Z", o: { returnOnce?: boolean } = {}): Trace {
  let t = new Date(startAt).getTime();
  const tick = () => new Date((t += 60_000));
  let s = run(d, draft(), { type: "payment_confirmed", paymentRef: "pay-1" }, system, startAt).next;
  s = run(d, s, { type: "signature_verified", signatureRef: "sig-1" }, system, startAt).next;
  const sub = run(d, s, { type: "submit" }, applicant, startAt);
  s = sub.next;
  const effects: TEffect[] = [...sub.effects];
  const audits: TWorkflowAuditEntry[] = [sub.audit];
  const step = (cmd: Parameters<typeof run>[2], by: WorkflowActor) => {
    const r = run(d, s, cmd, by, tick());
    s = r.next;
    effects.push(...r.effects);
    audits.push(r.audit);
  };
  // Portal requests under West Kazakhstan are registered by the system on submission [002 L178-179].
  if (s.stepKey === "register") step({ type: "register" }, clerk);
  for (let guard = 0; guard < 40 && s.status === "IN_PROGRESS"; guard++) {
    const cur = d.steps.find((x) => x.key === s.stepKey)!;
    const by = ACTOR_OF[cur.role];
    if (cur.action === "assign") {
      const next = d.steps[d.steps.indexOf(cur) + 1]!;
      step(assignTo(ACTOR_OF[next.role]), by);
    } else if (cur.action === "work") {
      if (!s.workflowData.reviewStartedAt) step({ type: "start_review" }, by);
      const open = cur.checks.filter((c) => s.workflowData.checks[c]?.stepKey !== cur.key);
      if (open.length) step({ type: "record_check", check: open[0]!, passed: true }, by);
      else if (outcome === "licence") step({ type: "draft_decision", decision: { kind: "licence", subtypes: ["subtype-a"] } }, by);
      else step({ type: "draft_decision", decision: { kind: "refusal", grounds: [d.refusalGrounds[0]!], reason: "Reasons in words" } }, by);
    } else if (cur.action === "sign") {
      if (o.returnOnce && !s.workflowData.returns.length) step({ type: "return_for_revision", comment: "Please revise" }, by);
      else step({ type: "sign_decision", signatureRef: "cms-1" }, by);
    }
    else if (cur.action === "hand_over") step({ type: "hand_over", mode: "electronic" }, by);
  }
  expect(s.status).toBe(outcome === "licence" ? "ISSUED" : "REFUSED");
  return { state: s, effects, audits };
}
