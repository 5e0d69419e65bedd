import { describe, expect, it } from "vitest";
import { availableCommands, type TEffect, type WorkflowState } from "@/lib/law/workflow";
import { assignTo, clerk, def, executor, expectCode, head, run, submitted, system } from "./support/fixtures";

const d = def("atyrau-2014-scrap", 1, "issue");

/** Atyrau issue submitted Mon 2025-03-03 10:00; overall term 15 wd → Mon 2025-03-24 18:00. */
function inQualification(): WorkflowState {
  let s = submitted(d, "2025-03-03T10:00:00Z");
  s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
  s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
  s = run(d, s, { type: "start_review" }, executor, "2025-03-03T10:20:00Z").next;
  return run(d, s, { type: "record_check", check: "completeness", passed: true }, executor, "2025-03-03T10:30:00Z").next;
}

describe("tacit approval [004 L7892-7903]", () => {
  it("no signed licence or refusal by the overall deadline → DEEMED_ISSUED, hand-over due in 5 wd, supervisors told", () => {
    const s = inQualification();
    expect(s.dueAt?.toISOString()).toBe("2025-03-24T18:00:00.000Z");
    expectCode(() => run(d, s, { type: "deadline_passed", deadline: "overall" }, system, "2025-03-24T17:59:59Z"), "workflow.deadline_not_reached");

    const r = run(d, s, { type: "deadline_passed", deadline: "overall" }, system, "2025-03-24T18:00:00Z");
    const n = r.next;
    expect(n.status).toBe("DEEMED_ISSUED");
    expect(n.deemedIssuedAt?.toISOString()).toBe("2025-03-24T18:00:00.000Z");
    // 5 wd after Mon 24: Tue25, Wed26, Thu27, Fri28, Mon31.
    expect(n.workflowData.tacitApproval).toEqual({ deemedIssuedAt: "2025-03-24T18:00:00.000Z", handOverDueAt: "2025-03-31T18:00:00.000Z" });
    expect([n.stepKey, n.stepRole, n.assigneeId, n.stepDueAt?.toISOString()]).toEqual(["hand_over", "OFFICE_CLERK", null, "2025-03-31T18:00:00.000Z"]);
    const handOverDue = new Date("2025-03-31T18:00:00Z");
    expect(r.effects).toEqual(
      expect.arrayContaining<TEffect>([
        { type: "step_cancelled", seq: s.workflowData.stepSeq, stepKey: "check_qualification", at: new Date("2025-03-24T18:00:00Z"), reason: "tacit_approval" },
        { type: "issue_licence", basis: "tacit", subtypes: [], at: new Date("2025-03-24T18:00:00Z"), handOverDueAt: handOverDue },
        { type: "schedule_job", name: "workflow.hand_over_deadline", runAt: handOverDue, payload: { command: { type: "deadline_passed", deadline: "hand_over", stepKey: "hand_over", seq: n.workflowData.stepSeq } } },
        { type: "notify", recipient: { kind: "supervisors", organisationId: "org-atyrau" }, messageKey: "workflow.notify.deemed_issued", params: { deemedIssuedAt: "2025-03-24T18:00:00.000Z", handOverDueAt: "2025-03-31T18:00:00.000Z" } },
        { type: "notify", recipient: { kind: "applicant" }, messageKey: "workflow.notify.deemed_issued", params: { deemedIssuedAt: "2025-03-24T18:00:00.000Z", handOverDueAt: "2025-03-31T18:00:00.000Z" } },
      ]),
    );
    expect(r.audit).toMatchObject({ type: "application.deemed_issued", from: { status: "IN_PROGRESS", stepKey: "check_qualification" }, to: { status: "DEEMED_ISSUED", stepKey: "hand_over" }, data: { unsignedDraft: null } });

    // Only the office can act now: hand the licence over.
    expect(availableCommands(d, n, clerk)).toEqual(["hand_over"]);
    expect(availableCommands(d, n, executor)).toEqual([]);
    expectCode(() => run(d, n, { type: "draft_decision", decision: { kind: "refusal", grounds: ["prohibited_by_law"], reason: "late" } }, executor, "2025-03-25T10:00:00Z"), "workflow.step_out_of_order");

    // Not handed over within 5 wd → deemed received; the office must still hand it over.
    expectCode(() => run(d, n, { type: "deadline_passed", deadline: "hand_over" }, system, "2025-03-31T17:00:00Z"), "workflow.deadline_not_reached");
    const late = run(d, n, { type: "deadline_passed", deadline: "hand_over" }, system, "2025-03-31T18:00:00Z");
    expect(late.next.status).toBe("DEEMED_ISSUED");
    expect(late.next.workflowData.tacitApproval?.deemedReceivedAt).toBe("2025-03-31T18:00:00.000Z");
    expect(late.audit.type).toBe("application.deemed_received");

    const done = run(d, late.next, { type: "hand_over", mode: "paper", recipientName: "C. Director" }, clerk, "2025-04-01T10:00:00Z").next;
    expect(done.status).toBe("ISSUED");
  });

  it("an unsigned draft refusal does not prevent tacit approval", () => {
    const s = run(d, inQualification(), { type: "draft_decision", decision: { kind: "refusal", grounds: ["prohibited_by_law"], reason: "x" } }, executor, "2025-03-20T10:00:00Z").next;
    const r = run(d, s, { type: "deadline_passed", deadline: "overall" }, system, "2025-03-24T18:00:00Z");
    expect(r.next.status).toBe("DEEMED_ISSUED");
    expect(r.audit).toMatchObject({ data: { unsignedDraft: "refusal" } });
  });

  it("a refusal signed in time excludes it: the job only records the deadline", () => {
    let s = run(d, inQualification(), { type: "draft_decision", decision: { kind: "refusal", grounds: ["qualification_requirements_not_met"], reason: "x" } }, executor, "2025-03-20T10:00:00Z").next;
    const signed = run(d, s, { type: "sign_decision" }, head, "2025-03-20T11:00:00Z");
    expect(signed.effects).toContainEqual({ type: "cancel_jobs", names: ["workflow.overall_deadline"] });
    s = signed.next;
    const r = run(d, s, { type: "deadline_passed", deadline: "overall" }, system, "2025-03-24T18:00:00Z");
    expect(r.next.status).toBe("IN_PROGRESS");
    expect(r.audit).toMatchObject({ type: "application.deadline_passed", data: { deadline: "overall", consequence: "decision_already_signed" } });
    expect(r.effects).toEqual([]);
  });

  it("a standard without tacit approval (grain, 003): supervisors are told, nothing else changes", () => {
    const g = def("east-kazakhstan-2014-grain", 1, "duplicate");
    const s = submitted(g, "2025-03-10T13:00:00Z");
    const r = run(g, s, { type: "deadline_passed", deadline: "overall" }, system, "2025-03-12T18:00:00Z");
    expect(r.next.status).toBe("SUBMITTED");
    expect(r.effects).toContainEqual({ type: "notify", recipient: { kind: "supervisors", organisationId: "org-atyrau" }, messageKey: "workflow.notify.overall_overdue", params: { dueAt: "2025-03-12T18:00:00.000Z" } });
    expect(r.audit).toMatchObject({ type: "application.deadline_passed", data: { consequence: "notified" } });
  });

  it("a step deadline notifies the assignee and the head; a stale job is rejected", () => {
    const s = inQualification(); // check_qualification due Fri 2025-03-21 18:00 (14 wd after Mon 03)
    expectCode(() => run(d, s, { type: "deadline_passed", deadline: "step", stepKey: "check_completeness" }, system, "2025-03-21T18:00:00Z"), "workflow.stale_state");
    expectCode(() => run(d, s, { type: "deadline_passed", deadline: "step", stepKey: "check_qualification", seq: 1 }, system, "2025-03-21T18:00:00Z"), "workflow.stale_state");
    const r = run(d, s, { type: "deadline_passed", deadline: "step", stepKey: "check_qualification", seq: s.workflowData.stepSeq }, system, "2025-03-21T18:00:00Z");
    expect(r.next.status).toBe("IN_PROGRESS");
    expect(r.effects).toEqual([
      { type: "notify", recipient: { kind: "user", userId: "u-exec" }, messageKey: "workflow.notify.step_overdue", params: { stepKey: "check_qualification", dueAt: "2025-03-21T18:00:00.000Z" } },
      { type: "notify", recipient: { kind: "role", role: "HEAD", organisationId: "org-atyrau" }, messageKey: "workflow.notify.step_overdue", params: { stepKey: "check_qualification", dueAt: "2025-03-21T18:00:00.000Z" } },
    ]);
  });
});
