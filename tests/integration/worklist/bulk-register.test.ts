import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeCommand } from "@/lib/cases/applications";
import { registerApplications } from "@/lib/cases/officer-actions";
import { systemActor, type UserActor } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createWorkflowCast } from "../../factories/workflow";

// Issue 12 point 14: bulk registration for the office, each registration its own audited transition.
let t: TestDb;
let orgId: string;
let applicant: UserActor, clerk: UserActor;
const t0 = new Date("2026-11-30T05:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  orgId = (await t.db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } })).id;
  ({ applicant, clerk } = await createWorkflowCast(t.db, orgId));
});
afterAll(async () => {
  await t.drop();
});

async function submitted() {
  const subject = await t.db.subject.findUniqueOrThrow({ where: { id: applicant.subjectId! } });
  const app = await t.db.application.create({
    data: { serviceCode: "scrap-metal-licence", variant: "ISSUE", organisationId: orgId, subjectId: subject.id, createdById: applicant.userId, applicantName: subject.name, applicantIdentifier: subject.identifier },
  });
  const sys = systemActor("test");
  await executeCommand(t.db, { actor: sys, applicationId: app.id, command: { type: "payment_confirmed" }, now: t0 });
  await executeCommand(t.db, { actor: sys, applicationId: app.id, command: { type: "signature_verified" }, now: t0 });
  const r = await executeCommand(t.db, { actor: applicant, applicationId: app.id, command: { type: "submit" }, now: t0 });
  return r.application;
}

describe("registerApplications", () => {
  it("registers each application in its own audited transition; a stale one fails alone", async () => {
    const apps = [await submitted(), await submitted(), await submitted()];
    const targets = apps.map((a) => ({ applicationId: a.id, expected: { version: a.version, status: a.status as "SUBMITTED", stepKey: a.stepKey } }));
    targets[1] = { ...targets[1]!, expected: { ...targets[1]!.expected, version: 999 } };
    const now = new Date(t0.getTime() + 10 * 60_000);
    const results = await registerApplications(t.db, { actor: clerk, now }, targets);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ ok: false, code: "workflow.stale_state" });
    for (const i of [0, 2]) {
      const a = await t.db.application.findUniqueOrThrow({ where: { id: apps[i]!.id } });
      expect(a.stepKey).not.toBe("register");
      const audit = await t.db.auditEvent.count({ where: { applicationId: a.id, at: now, actorId: clerk.userId } });
      expect(audit).toBe(1);
    }
    expect((await t.db.application.findUniqueOrThrow({ where: { id: apps[1]!.id } })).stepKey).toBe("register");
  });
});
