import { describe, expect, it } from "vitest";
import { getRegulation } from "@/lib/law/regulations";
import { transition, WORKFLOW_ERROR_CODES, type WorkflowState } from "@/lib/law/workflow";
import { simpleDeps } from "./support/simple-calendar";
import {
  applicant,
  assignTo,
  clerk,
  def,
  deputy,
  draft,
  executor,
  head,
  headNoSign,
  otherExecutor,
  run,
  staff,
  submitted,
  supervisor,
  system,
} from "./support/fixtures";

const d = def("atyrau-2014-scrap", 1, "issue");
const T = "2025-03-03T10:00:00Z";
const thrown = new Set<string>();

/** Expects the code and remembers it, so the last test can check that every code is exercised. */
function rejects(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect((caught as { code?: string } | undefined)?.code, `expected ${code}`).toBe(code);
  thrown.add(code);
}

// States along the Atyrau issue path.
const sSubmitted = submitted(d, T);
const sAssign = run(d, sSubmitted, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
const sCompleteness = run(d, sAssign, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
const sStarted = run(d, sCompleteness, { type: "start_review" }, executor, "2025-03-03T10:20:00Z").next;
const sQualification = run(d, sStarted, { type: "record_check", check: "completeness", passed: true }, executor, "2025-03-03T10:30:00Z").next;
const sSign = run(d, run(d, sQualification, { type: "record_check", check: "qualification", passed: true }, executor, "2025-03-04T10:00:00Z").next,
  { type: "draft_decision", decision: { kind: "licence", subtypes: ["ferrous-collection"] } }, executor, "2025-03-04T10:10:00Z").next;
const sHandOver = run(d, sSign, { type: "sign_decision" }, head, "2025-03-04T10:20:00Z").next;
const sIssued = run(d, sHandOver, { type: "hand_over", mode: "electronic" }, clerk, "2025-03-04T10:30:00Z").next;

const go = (s: WorkflowState, cmd: unknown, actor: Parameters<typeof transition>[3], now = "2025-03-05T10:00:00Z") =>
  transition(d, s, cmd, actor, new Date(now), simpleDeps);

describe("rejections", () => {
  it("step_out_of_order: a command that does not fit the status or the current step", () => {
    rejects(() => go(draft(), { type: "register" }, clerk), "workflow.step_out_of_order");
    rejects(() => go(sQualification, { type: "sign_decision" }, head), "workflow.step_out_of_order");
    rejects(() => go(sCompleteness, { type: "record_check", check: "completeness", passed: true }, executor), "workflow.step_out_of_order"); // review not started
    rejects(() => go(sStarted, { type: "record_check", check: "qualification", passed: true }, executor), "workflow.step_out_of_order"); // not this step's check
    rejects(() => go(sStarted, { type: "start_review" }, executor), "workflow.step_out_of_order"); // already started
    rejects(() => go(sHandOver, { type: "payment_confirmed" }, system), "workflow.step_out_of_order"); // only in DRAFT
  });

  it("wrong_role: the actor's role is not the step's role, or may never send the command", () => {
    rejects(() => go(sSubmitted, { type: "register" }, executor), "workflow.wrong_role");
    rejects(() => go(sAssign, assignTo(executor), deputy), "workflow.wrong_role");
    rejects(() => go(sSign, { type: "sign_decision" }, applicant), "workflow.wrong_role");
    rejects(() => go(sSign, { type: "sign_decision" }, supervisor), "workflow.wrong_role");
    rejects(() => go(sSign, { type: "deadline_passed", deadline: "overall" }, head), "workflow.wrong_role");
    rejects(() => go(draft(), { type: "submit" }, system), "workflow.wrong_role");
    rejects(() => go(draft(), { type: "submit" }, clerk), "workflow.wrong_role"); // portal application: only the applicant submits
  });

  it("not_found: an officer of another organisation or another applicant (the caller maps it to 404)", () => {
    rejects(() => go(sSubmitted, { type: "register" }, staff("OFFICE_CLERK", "u-x", { organisationId: "org-aktobe" })), "workflow.not_found");
    rejects(() => go(sSign, { type: "sign_decision" }, staff("HEAD", "u-y", { organisationId: "org-aktobe", canSign: true })), "workflow.not_found");
    rejects(() => go(draft(), { type: "withdraw" }, { ...applicant, subjectId: "subject-2" } as typeof applicant), "workflow.not_found");
  });

  it("not_assignee: an executor acting on an application assigned to another", () => {
    rejects(() => go(sCompleteness, { type: "start_review" }, otherExecutor), "workflow.not_assignee");
    rejects(() => go(sQualification, { type: "draft_decision", decision: { kind: "refusal", grounds: ["prohibited_by_law"], reason: "x" } }, otherExecutor), "workflow.not_assignee");
  });

  it("stale_state: the command names a state or version that is no longer current", () => {
    rejects(() => go(sAssign, { ...assignTo(executor), expected: { version: sAssign.version - 1 } }, head), "workflow.stale_state");
    rejects(() => go(sAssign, { ...assignTo(executor), expected: { stepKey: "register" } }, head), "workflow.stale_state");
    rejects(() => go(sAssign, { ...assignTo(executor), expected: { status: "SUBMITTED" } }, head), "workflow.stale_state");
    expect(go(sAssign, { ...assignTo(executor), expected: { version: sAssign.version, status: "IN_PROGRESS", stepKey: "assign_executor" } }, head).next.stepKey).toBe("check_completeness");
  });

  it("grounds_required, unknown_ground, reason_required: a refusal needs grounds from the list and words", () => {
    rejects(() => go(sQualification, { type: "draft_decision", decision: { kind: "refusal", grounds: [], reason: "x" } }, executor), "workflow.grounds_required");
    rejects(() => go(sQualification, { type: "draft_decision", decision: { kind: "refusal", grounds: ["made_up"], reason: "x" } }, executor), "workflow.unknown_ground");
    rejects(() => go(sQualification, { type: "draft_decision", decision: { kind: "refusal", grounds: ["prohibited_by_law"], reason: "   " } }, executor), "workflow.reason_required");
  });

  it("subtypes_required and checks_required: a licence needs sub-types and passed checks", () => {
    const checked = go(sQualification, { type: "record_check", check: "qualification", passed: true }, executor).next;
    rejects(() => go(checked, { type: "draft_decision", decision: { kind: "licence", subtypes: [] } }, executor), "workflow.subtypes_required");
    rejects(() => go(sQualification, { type: "draft_decision", decision: { kind: "licence", subtypes: ["ferrous-collection"] } }, executor), "workflow.checks_required");
  });

  it("no_signing_right: a head without the signing right", () => {
    rejects(() => go(sSign, { type: "sign_decision" }, headNoSign), "workflow.no_signing_right");
  });

  it("not_withdrawable: only before registration", () => {
    expect(go(sSubmitted, { type: "withdraw", reason: "changed my mind" }, applicant).next.status).toBe("WITHDRAWN");
    rejects(() => go(sAssign, { type: "withdraw" }, applicant), "workflow.not_withdrawable");
  });

  it("payment_required and signature_required: submit needs both facts", () => {
    rejects(() => go(draft(), { type: "submit" }, applicant), "workflow.payment_required");
    const paid = run(d, draft(), { type: "payment_confirmed" }, system, T).next;
    rejects(() => go(paid, { type: "submit" }, applicant), "workflow.signature_required");
  });

  it("invalid_assignee_role and invalid_assignee: the resolution must name a person of the next step's role, in this organisation", () => {
    rejects(() => go(sAssign, assignTo(deputy), head), "workflow.invalid_assignee_role");
    rejects(() => go(sAssign, { ...assignTo(executor), assigneeOrganisationId: "org-aktobe" }, head), "workflow.invalid_assignee");
  });

  it("already_final: nothing after a closed application", () => {
    expect(sIssued.status).toBe("ISSUED");
    rejects(() => go(sIssued, { type: "hand_over", mode: "electronic" }, clerk), "workflow.already_final");
    rejects(() => go(sIssued, { type: "withdraw" }, applicant), "workflow.already_final");
    rejects(() => go(sIssued, { type: "deadline_passed", deadline: "overall" }, system), "workflow.already_final");
  });

  it("invalid_command: malformed input never reaches the handlers", () => {
    rejects(() => go(sSubmitted, { type: "approve_everything" }, clerk), "workflow.invalid_command");
    rejects(() => go(sAssign, { type: "assign", assigneeId: "" }, head), "workflow.invalid_command");
  });

  it("recipient_required: a paper hand-over names the recipient", () => {
    rejects(() => go(sHandOver, { type: "hand_over", mode: "paper" }, clerk), "workflow.recipient_required");
  });

  it("suspension_not_allowed: the seed regulations allow no suspension", () => {
    rejects(() => go(sQualification, { type: "request_correction", reason: "Send the land certificate" }, executor), "workflow.suspension_not_allowed");
    rejects(() => go(sQualification, { type: "suspend", reasonCode: "applicant_request", reason: "Asked by phone" }, head), "workflow.suspension_not_allowed");
  });

  it("deadline_not_reached: a deadline job that runs early (or after the deadline moved)", () => {
    rejects(() => go(sQualification, { type: "deadline_passed", deadline: "overall" }, system, "2025-03-24T17:59:00Z"), "workflow.deadline_not_reached");
    rejects(() => go(sQualification, { type: "deadline_passed", deadline: "step", stepKey: "check_qualification" }, system, "2025-03-21T17:00:00Z"), "workflow.deadline_not_reached");
  });

  it("regulation_not_found: an unknown regulation version", () => {
    rejects(() => getRegulation("atyrau-2014-scrap", 99), "workflow.regulation_not_found");
  });

  it("every error code of the engine is exercised above", () => {
    expect([...thrown].sort()).toEqual([...WORKFLOW_ERROR_CODES].sort());
  });
});
