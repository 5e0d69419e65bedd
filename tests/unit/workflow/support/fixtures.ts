import { expect } from "vitest";
import { getRegulation, workflowDefinition, type TRole, type TVariant, type TWorkflowDefinition } from "@/lib/law/regulations";
import {
  initialState,
  transition,
  ZWorkflowAuditEntry,
  type TransitionResult,
  type TWorkflowCommandInput,
  type WorkflowActor,
  type WorkflowState,
} from "@/lib/law/workflow";
import { simpleDeps } from "./simple-calendar";

export const ORG = "org-atyrau";
export const OTHER_ORG = "org-aktobe";
export const SUBJECT = "subject-1";

export const at = (s: string) => new Date(s);

export const system: WorkflowActor = { kind: "system", job: "test" };
export const applicant: WorkflowActor = { kind: "user", userId: "u-applicant", role: "APPLICANT", organisationId: null, subjectId: SUBJECT, canSign: false };
export const staff = (role: TRole, userId = `u-${role.toLowerCase()}`, extra: Partial<{ canSign: boolean; organisationId: string }> = {}): WorkflowActor => ({
  kind: "user",
  userId,
  role,
  organisationId: extra.organisationId ?? ORG,
  subjectId: null,
  canSign: extra.canSign ?? false,
});
export const clerk = staff("OFFICE_CLERK");
export const head = staff("HEAD", "u-head", { canSign: true });
export const headNoSign = staff("HEAD", "u-head-2");
export const deputy = staff("DEPUTY_HEAD", "u-deputy");
export const deptHead = staff("DEPARTMENT_HEAD", "u-dept");
export const executor = staff("EXECUTOR", "u-exec");
export const otherExecutor = staff("EXECUTOR", "u-exec-2");
export const supervisor = staff("SUPERVISOR", "u-sup");

export function def(id: string, version: number, variant: TVariant): TWorkflowDefinition {
  return workflowDefinition(getRegulation(id, version), variant);
}

export function draft(channel: "PORTAL" | "PROVIDER" = "PORTAL"): WorkflowState {
  return initialState({ organisationId: ORG, subjectId: SUBJECT, channel });
}

/** Runs one command and checks the audit entry against its zod schema. */
export function run(d: TWorkflowDefinition, s: WorkflowState, cmd: TWorkflowCommandInput, actor: WorkflowActor, now: string | Date): TransitionResult {
  const r = transition(d, s, cmd, actor, typeof now === "string" ? at(now) : now, simpleDeps);
  expect(ZWorkflowAuditEntry.safeParse(r.audit).success, JSON.stringify(r.audit)).toBe(true);
  expect(r.next.version).toBe(s.version + 1);
  return r;
}

/** DRAFT → paid → signed → SUBMITTED at `now`. */
export function submitted(d: TWorkflowDefinition, now: string, s0: WorkflowState = draft()): WorkflowState {
  let s = run(d, s0, { type: "payment_confirmed", paymentRef: "pay-1" }, system, now).next;
  s = run(d, s, { type: "signature_verified", signatureRef: "sig-1" }, system, now).next;
  return run(d, s, { type: "submit" }, applicant, now).next;
}

/** Expects a DomainError with this code. */
export function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect((e as { code?: string }).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

export const assignTo = (a: WorkflowActor) =>
  ({ type: "assign", assigneeId: (a as { userId: string }).userId, assigneeRole: (a as { role: string }).role, assigneeOrganisationId: ORG }) as TWorkflowCommandInput;
