import { describe, expect, it } from "vitest";
import { assignTo, clerk, def, deptHead, deputy, executor, expectCode, head, otherExecutor, run, staff, submitted } from "./support/fixtures";

const d = def("east-kazakhstan-2014-grain", 1, "issue");

describe("East Kazakhstan: head → deputy head → department head → executor, each by resolution [003 L218-223]", () => {
  const s0 = run(d, submitted(d, "2025-03-03T09:00:00Z"), { type: "register" }, clerk, "2025-03-03T09:10:00Z").next;

  it("starts with the head, for any head of the organisation", () => {
    expect([s0.stepKey, s0.stepRole, s0.assigneeId]).toEqual(["assign_deputy_head", "HEAD", null]);
  });

  it("each resolution must name the role of the next step", () => {
    expectCode(() => run(d, s0, assignTo(deptHead), head, "2025-03-03T10:00:00Z"), "workflow.invalid_assignee_role");
    expectCode(() => run(d, s0, assignTo(executor), head, "2025-03-03T10:00:00Z"), "workflow.invalid_assignee_role");
  });

  it("hands the application down the chain; only the named person acts at each level", () => {
    const r1 = run(d, s0, assignTo(deputy), head, "2025-03-03T10:00:00Z");
    expect([r1.next.stepKey, r1.next.stepRole, r1.next.assigneeId]).toEqual(["assign_department_head", "DEPUTY_HEAD", "u-deputy"]);
    expect(r1.effects).toContainEqual(expect.objectContaining({ type: "notify", recipient: { kind: "user", userId: "u-deputy" }, messageKey: "workflow.notify.step_assigned" }));
    expectCode(() => run(d, r1.next, assignTo(deptHead), staff("DEPUTY_HEAD", "u-deputy-2"), "2025-03-03T11:00:00Z"), "workflow.not_assignee");
    expectCode(() => run(d, r1.next, assignTo(deptHead), head, "2025-03-03T11:00:00Z"), "workflow.wrong_role");

    const r2 = run(d, r1.next, assignTo(deptHead), deputy, "2025-03-03T11:00:00Z");
    expect([r2.next.stepKey, r2.next.stepRole, r2.next.assigneeId]).toEqual(["assign_executor", "DEPARTMENT_HEAD", "u-dept"]);

    const r3 = run(d, r2.next, assignTo(executor), deptHead, "2025-03-03T12:00:00Z");
    expect([r3.next.stepKey, r3.next.stepRole, r3.next.assigneeId]).toEqual(["check_completeness", "EXECUTOR", "u-exec"]);
    expect(r3.audit).toMatchObject({ type: "application.assigned", data: { stepKey: "assign_executor", assigneeId: "u-exec", assigneeRole: "EXECUTOR" } });

    expect(r3.next.workflowData.assignments.map((a) => [a.byRole, a.byUserId, a.toRole, a.toUserId])).toEqual([
      ["HEAD", "u-head", "DEPUTY_HEAD", "u-deputy"],
      ["DEPUTY_HEAD", "u-deputy", "DEPARTMENT_HEAD", "u-dept"],
      ["DEPARTMENT_HEAD", "u-dept", "EXECUTOR", "u-exec"],
    ]);
    expect(r3.next.workflowData.assignees).toEqual({ DEPUTY_HEAD: "u-deputy", DEPARTMENT_HEAD: "u-dept", EXECUTOR: "u-exec" });

    // The executor named by the department head keeps the application through the inspection, the
    // drafting and the hand-over; the head signs (nobody named a head, so any head with the right).
    let s = run(d, r3.next, { type: "start_review" }, executor, "2025-03-03T12:10:00Z").next;
    s = run(d, s, { type: "record_check", check: "completeness", passed: true }, executor, "2025-03-03T12:20:00Z").next;
    expect([s.stepKey, s.assigneeId]).toEqual(["inspect", "u-exec"]);
    expectCode(() => run(d, s, { type: "record_check", check: "inspection", passed: true }, otherExecutor, "2025-03-04T12:00:00Z"), "workflow.not_assignee");
    s = run(d, s, { type: "record_check", check: "inspection", passed: true, items: [{ key: "scales_verified", passed: true }] }, executor, "2025-03-04T12:00:00Z").next;
    expect(s.workflowData.checks.inspection).toMatchObject({ passed: true, stepKey: "inspect", byUserId: "u-exec" });
    s = run(d, s, { type: "draft_decision", decision: { kind: "licence", subtypes: ["grain-warehouse-services"] } }, executor, "2025-03-04T12:10:00Z").next;
    expect([s.stepKey, s.stepRole, s.assigneeId]).toEqual(["sign", "HEAD", null]);
    s = run(d, s, { type: "sign_decision" }, staff("HEAD", "u-head-3", { canSign: true }), "2025-03-04T13:00:00Z").next;
    expect([s.stepKey, s.stepRole, s.assigneeId]).toEqual(["hand_over", "EXECUTOR", "u-exec"]);
    expectCode(() => run(d, s, { type: "hand_over", mode: "electronic" }, clerk, "2025-03-04T13:10:00Z"), "workflow.wrong_role");
    expectCode(() => run(d, s, { type: "hand_over", mode: "electronic" }, otherExecutor, "2025-03-04T13:10:00Z"), "workflow.not_assignee");
    s = run(d, s, { type: "hand_over", mode: "electronic" }, executor, "2025-03-04T13:10:00Z").next;
    expect(s.status).toBe("ISSUED");
  });
});
