import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeCommand } from "@/lib/cases/applications";
import { systemActor, type UserActor } from "@/lib/platform/auth";
import { availableCommands } from "@/lib/law/workflow";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser } from "../../factories";
import { createWorkflowCast } from "../../factories/workflow";

let t: TestDb;
let orgId: string;
let applicant: UserActor, clerk: UserActor, head: UserActor, executor: UserActor;

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  orgId = (await t.db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } })).id;
  ({ applicant, clerk, head, executor } = await createWorkflowCast(t.db, orgId));
});
afterAll(async () => {
  await t.drop();
});

async function newDraft() {
  const subject = await t.db.subject.findUniqueOrThrow({ where: { id: applicant.subjectId! } });
  return t.db.application.create({
    data: { serviceCode: "scrap-metal-licence", variant: "ISSUE", organisationId: orgId, subjectId: subject.id, createdById: applicant.userId, applicantName: subject.name, applicantIdentifier: subject.identifier },
  });
}

// Monday 30 November 2026, 10:00 in Aktobe (UTC+5).
const t0 = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("Aktobe scrap-metal licence, issue, through the persisted workflow", () => {
  it("runs from payment to hand-over under the Aktobe regulation, writing steps, audit and notifications", async () => {
    const app = await newDraft();
    const sys = systemActor("test");
    await executeCommand(t.db, { actor: sys, applicationId: app.id, command: { type: "payment_confirmed" }, now: at(0) });
    await executeCommand(t.db, { actor: sys, applicationId: app.id, command: { type: "signature_verified" }, now: at(1) });
    const submitted = await executeCommand(t.db, { actor: applicant, applicationId: app.id, command: { type: "submit" }, now: at(2) });
    expect(submitted.application.status).toBe("SUBMITTED");
    expect(submitted.application.registrationNumber).toMatch(/^EL-2026-\d{7}$/);
    const reg = await t.db.regulationVersion.findUniqueOrThrow({ where: { id: submitted.application.regulationVersionId! } });
    expect(reg.regulationId).toBe("aktobe-2014-scrap");
    // 15 working days from Monday 30 Nov: Dec 1..21 minus weekends and 16 Dec (Independence Day) → closing time of 22 Dec.
    expect(submitted.application.dueAt?.toISOString()).toBe("2026-12-22T13:00:00.000Z");

    const registered = await executeCommand(t.db, { actor: clerk, applicationId: app.id, command: { type: "register" }, now: at(5) });
    expect(registered.application.status).toBe("IN_PROGRESS");
    expect(registered.application.stepRole).toBe("HEAD");
    expect(registered.application.registrationNumber).toBe(submitted.application.registrationNumber);

    const assigned = await executeCommand(t.db, {
      actor: head,
      applicationId: app.id,
      command: { type: "assign", assigneeId: executor.userId, assigneeRole: "EXECUTOR", assigneeOrganisationId: orgId },
      now: at(30),
    });
    expect(assigned.application.assigneeId).toBe(executor.userId);

    let current = assigned.application;
    // The executor does what the regulation allows, in order, until a decision is drafted.
    const { toWorkflowState, definitionForVersion } = await import("@/lib/cases/applications");
    const def = await definitionForVersion(t.db, current.regulationVersionId!, current.variant);
    const steps: string[] = [];
    for (let i = 0; i < 5 && current.stepRole === "EXECUTOR"; i++) {
      const cmds = availableCommands(def, toWorkflowState(current), executor);
      steps.push(cmds.join(","));
      const cmd = cmds.includes("start_review")
        ? { type: "start_review" as const }
        : cmds.includes("record_check") && !(toWorkflowState(current).workflowData.checks.qualification)
          ? { type: "record_check" as const, check: toWorkflowState(current).workflowData.checks.completeness ? ("qualification" as const) : ("completeness" as const), passed: true }
          : { type: "draft_decision" as const, decision: { kind: "licence" as const, subtypes: ["ferrous-collection"] } };
      current = (await executeCommand(t.db, { actor: executor, applicationId: app.id, command: cmd, now: at(60 + i * 10) })).application;
    }
    expect(current.stepRole).toBe("HEAD");
    // The head's EDS signature over the decision, as lib/trust/signatures stores it after verification
    // (verification itself is covered in tests/integration/pki).
    await t.db.signature.create({
      data: { purpose: "DECISION", applicationId: app.id, signerName: "HEAD", certSerial: "01", certIssuer: "CN=test", signingTime: at(199), contentSha256: "0".repeat(64), cms: new Uint8Array([0x30]), status: "valid", verifiedAt: at(199) },
    });
    const signed = await executeCommand(t.db, { actor: head, applicationId: app.id, command: { type: "sign_decision" }, now: at(200) });
    expect(signed.application.stepRole).toBe("OFFICE_CLERK");
    const done = await executeCommand(t.db, { actor: clerk, applicationId: app.id, command: { type: "hand_over", mode: "electronic" }, now: at(220) });
    expect(done.application.status).toBe("ISSUED");
    expect(done.application.closedAt?.toISOString()).toBe(at(220).toISOString());
    const licence = await t.db.licence.findFirstOrThrow({ where: { applicationId: app.id } });
    expect(licence).toMatchObject({ status: "ACTIVE", subtypes: ["ferrous-collection"], tacit: false });
    expect(licence.number).toMatch(/^KZ26\d{11}$/);

    const stepRows = await t.db.applicationStep.findMany({ where: { applicationId: app.id }, orderBy: { seq: "asc" } });
    expect(stepRows.map((s) => s.stepKey)).toEqual(["register", "assign_executor", "review", "sign", "hand_over"]);
    expect(stepRows.every((s) => s.completedAt)).toBe(true);
    const audit = await t.db.auditEvent.findMany({ where: { applicationId: app.id }, orderBy: { id: "asc" } });
    expect(audit[0]!.type).toBe("application.payment_confirmed");
    expect(audit.at(-1)!.type).toBe("application.handed_over");
    expect(await t.db.notification.count({ where: { applicationId: app.id, userId: applicant.userId } })).toBeGreaterThan(0);
  });

  it("refuses a step by the wrong role and an officer of another organisation gets not found", async () => {
    const app = await newDraft();
    const sys = systemActor("test");
    await executeCommand(t.db, { actor: sys, applicationId: app.id, command: { type: "payment_confirmed" }, now: at(0) });
    await executeCommand(t.db, { actor: sys, applicationId: app.id, command: { type: "signature_verified" }, now: at(1) });
    await executeCommand(t.db, { actor: applicant, applicationId: app.id, command: { type: "submit" }, now: at(2) });
    await expect(executeCommand(t.db, { actor: executor, applicationId: app.id, command: { type: "register" }, now: at(3) })).rejects.toThrow("workflow.wrong_role");
    const otherOrg = (await t.db.organisation.findUniqueOrThrow({ where: { code: "atyrau" } })).id;
    const stranger = (await createUser(t.db, "OFFICE_CLERK", { organisationId: otherOrg })).actor;
    await expect(executeCommand(t.db, { actor: stranger, applicationId: app.id, command: { type: "register" }, now: at(3) })).rejects.toThrow("errors.not_found");
  });

  it("two concurrent transitions from the same state: exactly one wins, one audit row", async () => {
    const app = await newDraft();
    const sys = systemActor("test");
    await executeCommand(t.db, { actor: sys, applicationId: app.id, command: { type: "payment_confirmed" }, now: at(0) });
    await executeCommand(t.db, { actor: sys, applicationId: app.id, command: { type: "signature_verified" }, now: at(1) });
    await executeCommand(t.db, { actor: applicant, applicationId: app.id, command: { type: "submit" }, now: at(2) });
    const clerk2 = (await createUser(t.db, "OFFICE_CLERK", { organisationId: orgId })).actor;
    const results = await Promise.allSettled([
      executeCommand(t.db, { actor: clerk, applicationId: app.id, command: { type: "register" }, now: at(3) }),
      executeCommand(t.db, { actor: clerk2, applicationId: app.id, command: { type: "register" }, now: at(3) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason)).toMatch(/workflow\.(stale_state|step_out_of_order)|errors\.conflict/);
    expect(await t.db.auditEvent.count({ where: { applicationId: app.id, type: "application.registered" } })).toBe(1);
    expect(await t.db.applicationStep.count({ where: { applicationId: app.id, stepKey: "register" } })).toBe(1);
  });
});
