import { describe, expect, it } from "vitest";
import { getRegulation, parseRegulationFile, workflowDefinition, type TRegulationVersion } from "@/lib/law/regulations";
import { availableCommands, type WorkflowState } from "@/lib/law/workflow";
import { applicant, assignTo, clerk, executor, expectCode, head, run, submitted, system } from "./support/fixtures";

/**
 * The seed regulations allow no suspension (README). An administrator can activate a version that
 * does; this builds one from the Atyrau regulation through the same parser the admin upload uses.
 */
function withSuspension(): TRegulationVersion {
  const v1 = structuredClone(getRegulation("atyrau-2014-scrap", 1)) as TRegulationVersion;
  const v2 = structuredClone(v1);
  v2.version = 2;
  v2.effectiveFrom = "2025-01-01";
  for (const p of Object.values(v2.variants)) p!.suspension = { allowed: true, reasons: ["correction_requested", "applicant_request"] };

  // The open-ended version 1 overlaps; closing it first makes the upload valid.
  const overlapping = parseRegulationFile(v2, { existing: [v1] });
  expect(overlapping.ok).toBe(false);
  const closed = parseRegulationFile(v2, { existing: [{ ...v1, effectiveTo: "2024-12-31" }] });
  if (!closed.ok) throw new Error(JSON.stringify(closed.errors));
  return closed.versions[0]!;
}

const d = workflowDefinition(withSuspension(), "issue");

function inQualification(): WorkflowState {
  let s = submitted(d, "2025-03-03T10:00:00Z");
  s = run(d, s, { type: "register" }, clerk, "2025-03-03T10:05:00Z").next;
  s = run(d, s, assignTo(executor), head, "2025-03-03T10:10:00Z").next;
  s = run(d, s, { type: "start_review" }, executor, "2025-03-03T10:20:00Z").next;
  return run(d, s, { type: "record_check", check: "completeness", passed: true }, executor, "2025-03-03T10:30:00Z").next;
}

describe("suspension and resumption", () => {
  it("a correction request stops the clock; the applicant's corrections resume it", () => {
    const s = inQualification();
    expect(availableCommands(d, s, executor)).toEqual(["record_check", "request_correction", "suspend", "draft_decision"]);
    expectCode(() => run(d, s, { type: "request_correction", reason: "  " }, executor, "2025-03-05T11:00:00Z"), "workflow.reason_required");

    const r = run(d, s, { type: "request_correction", reason: "Send the land title", items: ["land_title"] }, executor, "2025-03-05T11:00:00Z");
    expect(r.next.status).toBe("SUSPENDED");
    expect([r.next.stepKey, r.next.stepDueAt, r.next.dueAt]).toEqual([s.stepKey, s.stepDueAt, s.dueAt]); // shifted on resume by lib/law/deadlines
    expect(r.effects).toEqual([
      { type: "deadline_event", event: { type: "suspended", at: new Date("2025-03-05T11:00:00Z"), reason: "Send the land title" } },
      { type: "cancel_jobs", names: ["workflow.overall_deadline", "workflow.step_deadline"] },
      { type: "notify", recipient: { kind: "applicant" }, messageKey: "workflow.notify.correction_requested", params: { reason: "Send the land title", items: "land_title" } },
    ]);
    expect(r.audit).toMatchObject({ type: "application.correction_requested", from: { status: "IN_PROGRESS" }, to: { status: "SUSPENDED" } });

    // Nothing moves while suspended; the overall deadline job does not fire.
    const susp = r.next;
    expectCode(() => run(d, susp, { type: "draft_decision", decision: { kind: "licence", subtypes: ["x"] } }, executor, "2025-03-06T10:00:00Z"), "workflow.step_out_of_order");
    expectCode(() => run(d, susp, { type: "deadline_passed", deadline: "overall" }, system, "2025-03-25T10:00:00Z"), "workflow.step_out_of_order");
    expectCode(() => run(d, susp, { type: "withdraw" }, applicant, "2025-03-06T10:00:00Z"), "workflow.not_withdrawable");
    expect(availableCommands(d, susp, applicant)).toEqual(["resume"]);

    const back = run(d, susp, { type: "resume" }, applicant, "2025-03-10T09:30:00Z");
    expect(back.next.status).toBe("IN_PROGRESS");
    expect(back.effects).toEqual([
      { type: "deadline_event", event: { type: "resumed", at: new Date("2025-03-10T09:30:00Z") } },
      { type: "recompute_deadlines", suspendedAt: new Date("2025-03-05T11:00:00Z"), resumedAt: new Date("2025-03-10T09:30:00Z"), stepKey: "check_qualification", seq: s.workflowData.stepSeq },
      { type: "notify", recipient: { kind: "user", userId: "u-exec" }, messageKey: "workflow.notify.resumed", params: { stepKey: "check_qualification" } },
    ]);
    expect(back.next.workflowData.suspension).toBeUndefined();
    expect(back.next.workflowData.suspensions).toEqual([
      { kind: "correction", reasonCode: "correction_requested", reason: "Send the land title", at: "2025-03-05T11:00:00.000Z", resumedAt: "2025-03-10T09:30:00.000Z", byUserId: "u-exec", resumedById: "u-applicant" },
    ]);
    expect(back.audit).toMatchObject({ type: "application.resumed", data: { kind: "correction", suspendedAt: "2025-03-05T11:00:00.000Z" } });
  });

  it("a suspension for another reason: only allowed reasons; the applicant cannot lift it", () => {
    const s = inQualification();
    expectCode(() => run(d, s, { type: "suspend", reasonCode: "court_order", reason: "Order No. 5" }, head, "2025-03-05T11:00:00Z"), "workflow.suspension_not_allowed");
    const r = run(d, s, { type: "suspend", reasonCode: "applicant_request", reason: "Applicant asked in writing" }, head, "2025-03-05T11:00:00Z");
    expect(r.audit).toMatchObject({ type: "application.suspended", data: { reasonCode: "applicant_request" } });
    expectCode(() => run(d, r.next, { type: "resume" }, applicant, "2025-03-06T10:00:00Z"), "workflow.wrong_role");
    expectCode(() => run(d, r.next, { type: "resume" }, clerk, "2025-03-06T10:00:00Z"), "workflow.wrong_role");
    expect(run(d, r.next, { type: "resume" }, executor, "2025-03-06T10:00:00Z").next.status).toBe("IN_PROGRESS");
  });
});
