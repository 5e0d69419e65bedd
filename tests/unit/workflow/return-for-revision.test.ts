import { describe, expect, it } from "vitest";
import { getRegulations, workflowDefinition, type TWorkflowDefinition } from "@/lib/law/regulations";
import { availableCommands, type TEffect, type WorkflowState } from "@/lib/law/workflow";
import { assignTo, clerk, def, deptHead, deputy, executor, expectCode, head, headNoSign, otherExecutor, run, staff, submitted, supervisor } from "./support/fixtures";
import { drive } from "./support/drive";
import { simpleComputeDue } from "./support/simple-calendar";

const COMMENT = "Sub-type list does not match the requested activity; check item 2.";

/** Atyrau scrap, issue: registered, assigned, both checks passed, a licence drafted in check_qualification. */
function atSigning(kind: "licence" | "refusal" = "licence"): { d: TWorkflowDefinition; s: WorkflowState } {
  const d = def("atyrau-2014-scrap", 1, "issue");
  let s = submitted(d, "2025-03-03T10:00:00Z");
  s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
  s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
  s = run(d, s, { type: "start_review" }, executor, "2025-03-03T10:20:00Z").next;
  s = run(d, s, { type: "record_check", check: "completeness", passed: true }, executor, "2025-03-03T10:30:00Z").next;
  s = run(d, s, { type: "record_check", check: "qualification", passed: true }, executor, "2025-03-03T10:40:00Z").next;
  const decision = kind === "licence" ? { kind, subtypes: ["ferrous-collection"] } : { kind, grounds: [d.refusalGrounds[0]!], reason: "Reasons in words" };
  s = run(d, s, { type: "draft_decision", decision }, executor, "2025-03-03T10:50:00Z").next;
  expect(s.stepKey).toBe("sign");
  return { d, s };
}

const ret = (comment = COMMENT) => ({ type: "return_for_revision" as const, comment });

describe("return_for_revision: the head returns the draft to the executor", () => {
  it("moves the application back to the drafting step, with the executor, a fresh step deadline and the draft kept with the comment", () => {
    const { d, s } = atSigning();
    const draft = s.decision!;
    expect(draft.stepKey).toBe("check_qualification");
    const now = new Date("2025-03-03T11:00:00Z");
    const r = run(d, s, ret(), head, now);
    const n = r.next;
    expect(n.status).toBe("IN_PROGRESS");
    expect(n).toMatchObject({ stepKey: "check_qualification", stepRole: "EXECUTOR", assigneeId: "u-exec", decision: null, stepStartedAt: now });
    const step = d.steps.find((x) => x.key === "check_qualification")!;
    expect(n.stepDueAt).toEqual(simpleComputeDue(step.term, now));
    expect(n.workflowData.returns).toEqual([{ at: now.toISOString(), byUserId: "u-head", comment: COMMENT, fromStepKey: "sign", toStepKey: "check_qualification", decision: draft }]);
    // The step history: the sign step ends "returned" and the drafting step starts again (next seq).
    const seq = s.workflowData.stepSeq;
    expect(n.workflowData.stepSeq).toBe(seq + 1);
    expect(r.effects).toContainEqual(expect.objectContaining({ type: "step_completed", seq, stepKey: "sign", outcome: "returned", completedById: "u-head" }));
    expect(r.effects).toContainEqual({ type: "step_started", seq: seq + 1, stepKey: "check_qualification", role: "EXECUTOR", assigneeId: "u-exec", startedAt: now, dueAt: n.stepDueAt });
    expect(r.effects).toContainEqual(
      expect.objectContaining({ type: "schedule_job", name: "workflow.step_deadline", runAt: n.stepDueAt, payload: { command: { type: "deadline_passed", deadline: "step", stepKey: "check_qualification", seq: seq + 1 } } }),
    );
    expect(r.effects).toContainEqual(expect.objectContaining({ type: "notify", recipient: { kind: "user", userId: "u-exec" } }));
    expect(r.effects.some((e: TEffect) => e.type === "issue_licence")).toBe(false);
    // Checks and the review stay recorded: the executor revises the draft, nothing is lost.
    expect(n.workflowData.checks).toEqual(s.workflowData.checks);
    expect(n.workflowData.reviewStartedAt).toBe(s.workflowData.reviewStartedAt);
    expect(r.audit).toMatchObject({
      type: "application.returned_for_revision",
      from: { status: "IN_PROGRESS", stepKey: "sign" },
      to: { status: "IN_PROGRESS", stepKey: "check_qualification" },
      data: { kind: "licence", comment: COMMENT, toStepKey: "check_qualification", assigneeId: "u-exec" },
    });
  });

  it("lets the executor re-draft and the head sign; every return stays in the history", () => {
    const { d, s: s0 } = atSigning();
    let s = run(d, s0, ret("First remark"), head, "2025-03-03T11:00:00Z").next;
    expect(availableCommands(d, s, head)).toEqual([]);
    expect(availableCommands(d, s, executor)).toEqual(["record_check", "draft_decision"]);
    s = run(d, s, { type: "draft_decision", decision: { kind: "licence", subtypes: ["ferrous-collection", "non-ferrous-collection"] } }, executor, "2025-03-03T11:10:00Z").next;
    s = run(d, s, ret("Second remark"), head, "2025-03-03T11:20:00Z").next;
    s = run(d, s, { type: "draft_decision", decision: { kind: "licence", subtypes: ["ferrous-collection"] } }, executor, "2025-03-03T11:30:00Z").next;
    expect(s.stepKey).toBe("sign");
    const signed = run(d, s, { type: "sign_decision", signatureRef: "cms-1" }, head, "2025-03-03T11:40:00Z");
    expect(signed.effects).toContainEqual(expect.objectContaining({ type: "issue_licence", subtypes: ["ferrous-collection"] }));
    expect(signed.next.decision).toMatchObject({ kind: "licence", subtypes: ["ferrous-collection"], signedById: "u-head" });
    expect(signed.next.workflowData.returns.map((x) => [x.comment, x.decision.subtypes])).toEqual([
      ["First remark", ["ferrous-collection"]],
      ["Second remark", ["ferrous-collection", "non-ferrous-collection"]],
    ]);
  });

  it("is offered only to the sign step's role with the signing right, only at the sign step with an unsigned draft", () => {
    const { d, s } = atSigning();
    expect(availableCommands(d, s, head)).toContain("return_for_revision");
    expectCode(() => run(d, s, ret(), executor, "2025-03-03T11:00:00Z"), "workflow.wrong_role");
    expectCode(() => run(d, s, ret(), deputy, "2025-03-03T11:00:00Z"), "workflow.wrong_role");
    expectCode(() => run(d, s, ret(), clerk, "2025-03-03T11:00:00Z"), "workflow.wrong_role");
    expectCode(() => run(d, s, ret(), supervisor, "2025-03-03T11:00:00Z"), "workflow.wrong_role");
    expectCode(() => run(d, s, ret(), headNoSign, "2025-03-03T11:00:00Z"), "workflow.no_signing_right");
    expectCode(() => run(d, s, ret(), staff("HEAD", "u-h", { canSign: true, organisationId: "org-aktobe" }), "2025-03-03T11:00:00Z"), "workflow.not_found");
    // A sign step assigned to a named head: only that head.
    expectCode(() => run(d, { ...s, assigneeId: "u-head-other" }, ret(), head, "2025-03-03T11:00:00Z"), "workflow.not_assignee");
    // Not at the drafting step, nor after signing.
    const before = { ...s, stepKey: "check_qualification", stepRole: "EXECUTOR" as const, assigneeId: "u-exec", decision: null };
    expectCode(() => run(d, before, ret(), head, "2025-03-03T11:00:00Z"), "workflow.step_out_of_order");
    expect(availableCommands(d, before, head)).not.toContain("return_for_revision");
    const signed = run(d, s, { type: "sign_decision" }, head, "2025-03-03T11:00:00Z").next;
    expectCode(() => run(d, signed, ret(), head, "2025-03-03T11:05:00Z"), "workflow.step_out_of_order");
    // A sign step without a draft (a damaged row) has nothing to return.
    expectCode(() => run(d, { ...s, decision: null }, ret(), head, "2025-03-03T11:00:00Z"), "workflow.step_out_of_order");
    // A stale page is refused.
    expectCode(() => run(d, s, { ...ret(), expected: { version: s.version - 1 } }, head, "2025-03-03T11:00:00Z"), "workflow.stale_state");
    expect(availableCommands(d, s, otherExecutor)).toEqual([]);
  });

  it.each([
    ["too short", "ab"],
    ["too short once trimmed", "   ab   "],
    ["too long", "x".repeat(2001)],
    ["with a NUL character", "fix\u0000this"],
  ])("refuses a comment %s", (_, comment) => {
    const { d, s } = atSigning();
    expectCode(() => run(d, s, ret(comment), head, "2025-03-03T11:00:00Z"), "workflow.invalid_command");
  });

  it("keeps a comment of exactly 3 and 2000 characters (trimmed)", () => {
    const { d, s } = atSigning();
    expect(run(d, s, ret("  abc  "), head, "2025-03-03T11:00:00Z").next.workflowData.returns[0]!.comment).toBe("abc");
    expect(run(d, s, ret("y".repeat(2000)), head, "2025-03-03T11:00:00Z").next.workflowData.returns[0]!.comment).toHaveLength(2000);
  });

  it("a refusal drafted after a failed completeness check goes back to check_completeness, the refusal still required", () => {
    const d = def("atyrau-2014-scrap", 1, "issue");
    let s = submitted(d, "2025-03-03T10:00:00Z");
    s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
    s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
    s = run(d, s, { type: "start_review" }, executor, "2025-03-03T11:00:00Z").next;
    s = run(d, s, { type: "record_check", check: "completeness", passed: false, items: [{ key: "charter", passed: false }] }, executor, "2025-03-03T12:00:00Z").next;
    s = run(d, s, { type: "draft_decision", decision: { kind: "refusal", grounds: ["incomplete_package"], reason: "No charter" } }, executor, "2025-03-03T12:10:00Z").next;
    const r = run(d, s, ret("Name the missing document precisely."), head, "2025-03-03T12:20:00Z");
    expect(r.next.stepKey).toBe("check_completeness");
    expect(r.next.workflowData.refusalRequired).toMatchObject({ check: "completeness" });
    expect(r.audit.data).toMatchObject({ kind: "refusal", toStepKey: "check_completeness" });
    const again = run(d, r.next, { type: "draft_decision", decision: { kind: "refusal", grounds: ["incomplete_package"], reason: "The charter (item 3) is missing" } }, executor, "2025-03-03T12:30:00Z");
    expect(again.effects).toContainEqual({ type: "step_skipped", stepKey: "check_qualification", reason: "refusal_drafted" });
    expect(again.next.stepKey).toBe("sign");
  });

  it("East Kazakhstan: back in check_completeness the legal refusal term (2 wd from submission) stays the step's deadline", () => {
    const d = def("east-kazakhstan-2014-grain", 1, "issue");
    let s = submitted(d, "2025-03-03T09:00:00Z");
    s = run(d, s, { type: "register" }, clerk, "2025-03-03T09:10:00Z").next;
    s = run(d, s, assignTo(deputy), head, "2025-03-03T09:20:00Z").next;
    s = run(d, s, assignTo(deptHead), deputy, "2025-03-03T09:30:00Z").next;
    s = run(d, s, assignTo(executor), deptHead, "2025-03-03T09:40:00Z").next;
    s = run(d, s, { type: "start_review" }, executor, "2025-03-03T09:45:00Z").next;
    s = run(d, s, { type: "record_check", check: "completeness", passed: false }, executor, "2025-03-03T09:50:00Z").next;
    s = run(d, s, { type: "draft_decision", decision: { kind: "refusal", grounds: ["incomplete_documents"], reason: "Para 9 documents missing" } }, executor, "2025-03-04T10:00:00Z").next;
    const r = run(d, s, ret("Cite the paragraph of the rules."), head, "2025-03-04T11:00:00Z");
    expect(r.next.stepKey).toBe("check_completeness");
    expect(r.next.stepDueAt?.toISOString()).toBe("2025-03-05T18:00:00.000Z");
  });

  it("a draft stored before drafts named their step goes back to the last step that drafts its kind", () => {
    const { d, s } = atSigning();
    const { stepKey: _omit, ...older } = s.decision!;
    const r = run(d, { ...s, decision: older }, ret(), head, "2025-03-03T11:00:00Z");
    expect(r.next.stepKey).toBe("check_qualification");
  });

  it.each(getRegulations().flatMap((reg) => reg.scope.variants.map((v) => [`${reg.id} v${reg.version} ${v}`, workflowDefinition(reg, v)] as const)))(
    "%s: returned once, re-drafted by the executor, then signed and handed over",
    (_, d) => {
      for (const outcome of ["licence", "refusal"] as const) {
        const { state, effects, audits } = drive(d, outcome, undefined, { returnOnce: true });
        const returned = audits.find((a) => a.type === "application.returned_for_revision");
        expect(returned?.from.stepKey).toBe(d.steps.find((x) => x.action === "sign")!.key);
        const back = d.steps.find((x) => x.key === returned?.to.stepKey)!;
        expect(back.role).toBe("EXECUTOR");
        expect(back.outcomes).toContain(outcome === "licence" ? "draft_licence" : "draft_refusal");
        const completed = effects.filter((e): e is Extract<TEffect, { type: "step_completed" }> => e.type === "step_completed");
        expect(completed.filter((e) => e.outcome === "returned")).toHaveLength(1);
        expect(completed.filter((e) => e.outcome === "signed")).toHaveLength(1);
        expect(state.workflowData.returns).toHaveLength(1);
        expect(audits.filter((a) => a.type === "application.decision_drafted")).toHaveLength(2);
      }
    },
  );
});
