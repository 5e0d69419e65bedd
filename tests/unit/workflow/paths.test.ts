import { describe, expect, it } from "vitest";
import { getRegulations, workflowDefinition } from "@/lib/law/regulations";
import type { TEffect } from "@/lib/law/workflow";
import { def, executor, head, clerk, assignTo, run, submitted } from "./support/fixtures";
import { drive } from "./support/drive";

const ALL = getRegulations().flatMap((r) => r.scope.variants.map((v) => [`${r.id} v${r.version} ${v}`, workflowDefinition(r, v)] as const));

describe("full paths for every regulation version and variant", () => {
  it.each(ALL)("%s: to a licence", (_, d) => {
    const { state, effects, audits } = drive(d, "licence");
    const completed = effects.filter((e): e is Extract<TEffect, { type: "step_completed" }> => e.type === "step_completed");
    expect(completed.map((e) => e.stepKey)).toEqual(d.steps.map((s) => s.key));
    expect(effects.filter((e) => e.type === "issue_licence")).toHaveLength(1);
    expect(state.decision).toMatchObject({ kind: "licence", subtypes: ["subtype-a"], draftedById: executor.kind === "user" ? executor.userId : "", signedById: "u-head" });
    expect(audits.at(-1)?.type).toBe("application.handed_over");
    expect(state.closedAt).not.toBeNull();
    expect(state.stepKey).toBeNull();
  });

  it.each(ALL)("%s: to a reasoned refusal", (_, d) => {
    const { state, effects } = drive(d, "refusal");
    expect(state.decision).toMatchObject({ kind: "refusal", grounds: [d.refusalGrounds[0]], reason: "Reasons in words" });
    expect(effects.some((e) => e.type === "issue_licence")).toBe(false);
    expect(effects.find((e) => e.type === "notify" && e.messageKey === "workflow.notify.result_ready")).toMatchObject({ params: { result: "REFUSED" } });
  });
});

describe("refusal after a failed check", () => {
  it("Atyrau: an incomplete package is refused in check_completeness; the qualification step is skipped", () => {
    const d = def("atyrau-2014-scrap", 1, "issue");
    let s = submitted(d, "2025-03-03T10:00:00Z");
    s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
    s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
    s = run(d, s, { type: "start_review" }, executor, "2025-03-03T11:00:00Z").next;
    const failed = run(d, s, { type: "record_check", check: "completeness", passed: false, items: [{ key: "charter", passed: false }] }, executor, "2025-03-03T12:00:00Z");
    s = failed.next;
    expect(s.stepKey).toBe("check_completeness");
    expect(s.stepDueAt?.toISOString()).toBe("2025-03-04T18:00:00.000Z"); // no completeness term in the scrap standard: the step's 1 wd stays
    expect(s.workflowData.refusalRequired).toMatchObject({ check: "completeness", ground: "incomplete_package", dueAt: null });
    // This step drafts only refusals; the licence is drafted in check_qualification.
    expect(() => run(d, s, { type: "draft_decision", decision: { kind: "licence", subtypes: ["x"] } }, executor, "2025-03-03T12:05:00Z")).toThrow("workflow.step_out_of_order");
    const drafted = run(d, s, { type: "draft_decision", decision: { kind: "refusal", grounds: ["incomplete_package"], reason: "No charter" } }, executor, "2025-03-03T12:10:00Z");
    expect(drafted.effects).toContainEqual({ type: "step_skipped", stepKey: "check_qualification", reason: "refusal_drafted" });
    s = drafted.next;
    expect(s.stepKey).toBe("sign");
    s = run(d, s, { type: "sign_decision" }, head, "2025-03-03T12:20:00Z").next;
    s = run(d, s, { type: "hand_over", mode: "paper", recipientName: "B. Director" }, clerk, "2025-03-03T12:30:00Z").next;
    expect(s.status).toBe("REFUSED");
    expect(s.workflowData.handOver).toMatchObject({ mode: "paper", recipientName: "B. Director" });
  });

  it("East Kazakhstan: an incomplete package must be refused within 2 wd of submission", () => {
    const d = def("east-kazakhstan-2014-grain", 1, "issue");
    let s = submitted(d, "2025-03-03T09:00:00Z");
    expect(s.workflowData.completenessDueAt).toBe("2025-03-05T18:00:00.000Z");
    s = run(d, s, { type: "register" }, clerk, "2025-03-03T09:10:00Z").next;
    s = run(d, s, assignTo({ kind: "user", userId: "u-deputy", role: "DEPUTY_HEAD", organisationId: "org-atyrau" }), head, "2025-03-03T09:20:00Z").next;
    s = run(d, s, assignTo({ kind: "user", userId: "u-dept", role: "DEPARTMENT_HEAD", organisationId: "org-atyrau" }), { kind: "user", userId: "u-deputy", role: "DEPUTY_HEAD", organisationId: "org-atyrau" }, "2025-03-03T09:30:00Z").next;
    s = run(d, s, assignTo(executor), { kind: "user", userId: "u-dept", role: "DEPARTMENT_HEAD", organisationId: "org-atyrau" }, "2025-03-03T09:40:00Z").next;
    s = run(d, s, { type: "start_review" }, executor, "2025-03-03T09:45:00Z").next;
    expect(s.stepDueAt?.toISOString()).toBe("2025-03-03T10:10:00.000Z"); // 30 min from 09:40
    const r = run(d, s, { type: "record_check", check: "completeness", passed: false }, executor, "2025-03-03T09:50:00Z");
    expect(r.next.stepKey).toBe("check_completeness");
    expect(r.next.stepDueAt?.toISOString()).toBe("2025-03-05T18:00:00.000Z");
    expect(r.effects).toContainEqual({ type: "step_due_changed", seq: r.next.workflowData.stepSeq, stepKey: "check_completeness", dueAt: new Date("2025-03-05T18:00:00Z"), reason: "completeness_refusal" });
    expect(r.audit).toMatchObject({ type: "application.check_recorded", data: { passed: false, refusalDueAt: "2025-03-05T18:00:00.000Z" } });
    // 003's own list has the ground for an incomplete package.
    const drafted = run(d, r.next, { type: "draft_decision", decision: { kind: "refusal", grounds: ["incomplete_documents"], reason: "Para 9 documents missing" } }, executor, "2025-03-04T10:00:00Z");
    expect(drafted.effects.filter((e) => e.type === "step_skipped").map((e) => (e as { stepKey: string }).stepKey)).toEqual(["inspect", "draw_up"]);
    expect(drafted.next.stepKey).toBe("sign");
  });

  it("East Kazakhstan: a failed pre-licensing inspection moves on to draw_up for the refusal", () => {
    const d = def("east-kazakhstan-2014-grain", 1, "issue");
    let s = submitted(d, "2025-03-03T09:00:00Z");
    s = { ...s, status: "IN_PROGRESS", stepKey: "inspect", stepRole: "EXECUTOR", assigneeId: "u-exec", workflowData: { ...s.workflowData, reviewStartedAt: "2025-03-03T10:00:00.000Z", assignees: { EXECUTOR: "u-exec" } } };
    const r = run(d, s, { type: "record_check", check: "inspection", passed: false, note: "No scales" }, executor, "2025-03-04T12:00:00Z");
    expect(r.effects[0]).toMatchObject({ type: "step_completed", stepKey: "inspect", outcome: "check_failed" });
    expect(r.next.stepKey).toBe("draw_up");
    expect(r.next.assigneeId).toBe("u-exec");
    expect(() => run(d, r.next, { type: "draft_decision", decision: { kind: "licence", subtypes: ["grain-warehouse-services"] } }, executor, "2025-03-04T12:10:00Z")).toThrow("workflow.checks_required");
    const drafted = run(d, r.next, { type: "draft_decision", decision: { kind: "refusal", grounds: ["qualification_requirements_not_met"], reason: "Inspection failed" } }, executor, "2025-03-04T12:10:00Z");
    expect(drafted.next.stepKey).toBe("sign");
  });

  it("default (decree 706 clause): a failed completeness check gives the refusal the completeness deadline", () => {
    const d = def("default-mining-chemical-production-licence", 2, "issue");
    let s = submitted(d, "2025-03-03T10:00:00Z");
    expect(s.workflowData.completenessDueAt).toBe("2025-03-05T18:00:00.000Z");
    s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
    s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
    expect([s.stepKey, s.stepDueAt?.toISOString()]).toEqual(["check_completeness", "2025-03-05T18:00:00.000Z"]);
    s = run(d, s, { type: "start_review" }, executor, "2025-03-03T11:00:00Z").next;
    s = run(d, s, { type: "record_check", check: "completeness", passed: false }, executor, "2025-03-04T11:00:00Z").next;
    expect(() => run(d, s, { type: "draft_decision", decision: { kind: "refusal", grounds: ["no_such_ground"], reason: "x" } }, executor, "2025-03-04T11:10:00Z")).toThrow("workflow.unknown_ground");
    s = run(d, s, { type: "draft_decision", decision: { kind: "refusal", grounds: ["incomplete_package"], reason: "Package incomplete" } }, executor, "2025-03-04T11:10:00Z").next;
    expect(s.stepKey).toBe("sign");
  });

  it("the completeness ground is not available when the package was complete", () => {
    const d = def("aktobe-2014-scrap", 1, "issue");
    let s = submitted(d, "2025-03-03T10:00:00Z");
    s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
    s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
    s = run(d, s, { type: "start_review" }, executor, "2025-03-03T11:00:00Z").next;
    s = run(d, s, { type: "record_check", check: "completeness", passed: true }, executor, "2025-03-03T11:10:00Z").next;
    s = run(d, s, { type: "record_check", check: "qualification", passed: false, items: [{ key: "land_area", passed: false, note: "600 m²" }] }, executor, "2025-03-04T11:00:00Z").next;
    expect(s.stepKey).toBe("review");
    expect(() => run(d, s, { type: "draft_decision", decision: { kind: "refusal", grounds: ["incomplete_package"], reason: "x" } }, executor, "2025-03-04T11:10:00Z")).toThrow("workflow.unknown_ground");
    const r = run(d, s, { type: "draft_decision", decision: { kind: "refusal", grounds: ["qualification_requirements_not_met"], reason: "Land under 1000 m²" } }, executor, "2025-03-04T11:10:00Z");
    expect(r.next.decision).toMatchObject({ kind: "refusal", grounds: ["qualification_requirements_not_met"] });
  });
});

describe("effects of a licence path", () => {
  it("submit schedules the overall deadline and the first step; signing issues the licence", () => {
    const d = def("aktobe-2014-scrap", 1, "issue");
    const { effects } = drive(d, "licence");
    expect(effects).toContainEqual(expect.objectContaining({ type: "schedule_job", name: "workflow.step_deadline", payload: { command: { type: "deadline_passed", deadline: "step", stepKey: "assign_executor", seq: 2 } } }));
    expect(effects).toContainEqual(expect.objectContaining({ type: "issue_licence", basis: "signed", subtypes: ["subtype-a"], handOverDueAt: null }));
    expect(effects).toContainEqual({ type: "cancel_jobs", names: ["workflow.overall_deadline"] });
    expect(effects).toContainEqual(expect.objectContaining({ type: "step_started", stepKey: "review", role: "EXECUTOR", assigneeId: "u-exec" }));
    expect(effects).toContainEqual(expect.objectContaining({ type: "step_started", stepKey: "sign", role: "HEAD", assigneeId: null }));
  });

  it("submit: overall deadline job at dueAt, applicant told the due date", () => {
    const d = def("default-scrap-metal-licence", 1, "issue");
    const s0 = submitted(d, "2025-03-03T10:00:00Z");
    expect(s0.submittedAt?.toISOString()).toBe("2025-03-03T10:00:00.000Z");
    const { effects } = run(d, { ...s0, status: "DRAFT", stepKey: null, version: 2 }, { type: "submit" }, { kind: "user", userId: "u-applicant", role: "APPLICANT", organisationId: null, subjectId: "subject-1" }, "2025-03-03T10:00:00Z");
    expect(effects).toContainEqual({ type: "schedule_job", name: "workflow.overall_deadline", runAt: new Date("2025-03-24T18:00:00Z"), payload: { command: { type: "deadline_passed", deadline: "overall" } } });
    expect(effects).toContainEqual({ type: "notify", recipient: { kind: "applicant" }, messageKey: "workflow.notify.submitted", params: { dueAt: "2025-03-24T18:00:00.000Z" } });
    expect(effects).toContainEqual(expect.objectContaining({ type: "notify", recipient: { kind: "role", role: "OFFICE_CLERK", organisationId: "org-atyrau" } }));
  });
});
