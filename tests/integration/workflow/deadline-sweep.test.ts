import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/platform/db";
import { executeCommand } from "@/lib/cases/applications";
import { systemActor, type UserActor } from "@/lib/platform/auth";
import { sweepDeadlines } from "@/lib/cases/deadline-sweep";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createSubject, createUser } from "../../factories";

let t: TestDb;
let orgId: string;
let applicant: UserActor, clerk: UserActor, head: UserActor;

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  orgId = (await t.db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } })).id;
  const subject = await createSubject(t.db);
  applicant = (await createUser(t.db, "APPLICANT", { subjectId: subject.id })).actor;
  clerk = (await createUser(t.db, "OFFICE_CLERK", { organisationId: orgId })).actor;
  head = (await createUser(t.db, "HEAD", { organisationId: orgId })).actor;
});
afterAll(async () => {
  await t.drop();
});

// Monday 30 November 2026, 10:00 Almaty.
const t0 = new Date("2026-11-30T05:00:00Z");

async function registeredApplication() {
  const subject = await t.db.subject.findUniqueOrThrow({ where: { id: applicant.subjectId! } });
  const app = await t.db.application.create({
    data: {
      serviceCode: "scrap-metal-licence",
      variant: "ISSUE",
      organisationId: orgId,
      subjectId: subject.id,
      createdById: applicant.userId,
      applicantName: subject.name,
      applicantIdentifier: subject.identifier,
      formData: { activitySubtypes: ["nonferrous-storage"] },
    },
  });
  const sys = systemActor("test");
  await executeCommand(t.db, { actor: sys, applicationId: app.id, command: { type: "payment_confirmed" }, now: t0 });
  await executeCommand(t.db, { actor: sys, applicationId: app.id, command: { type: "signature_verified" }, now: t0 });
  await executeCommand(t.db, { actor: applicant, applicationId: app.id, command: { type: "submit" }, now: t0 });
  return (await executeCommand(t.db, { actor: clerk, applicationId: app.id, command: { type: "register" }, now: new Date(t0.getTime() + 5 * 60_000) })).application;
}

describe("deadline sweep", () => {
  it("classifies the head's step as due soon, then overdue, and warns the head once", async () => {
    const app = await registeredApplication();
    // Aktobe: the head has 3 working hours to assign; registered 10:05, lunch 13:00-14:00 → due 14:05.
    expect(app.stepDueAt?.toISOString()).toBe("2026-11-30T09:05:00.000Z");
    await sweepDeadlines(t.db, { now: new Date("2026-11-30T06:30:00Z") }); // 11:30, 95 working minutes left
    expect((await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).deadlineLevel).toBe("DUE_SOON");
    await sweepDeadlines(t.db, { now: new Date("2026-11-30T06:31:00Z") });
    expect(await t.db.notification.count({ where: { applicationId: app.id, userId: head.userId, kind: "step_due" } })).toBe(1);
    await sweepDeadlines(t.db, { now: new Date("2026-11-30T09:06:00Z") });
    expect((await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).deadlineLevel).toBe("OVERDUE");
  });

  it("applies tacit approval once the standard's term has passed with no signed decision", async () => {
    const app = await registeredApplication();
    const after = new Date(app.dueAt!.getTime() + 60_000);
    const r = await sweepDeadlines(t.db, { now: after });
    expect(r.overallDeadlines).toBeGreaterThanOrEqual(1);
    const deemed = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(deemed.status).toBe("DEEMED_ISSUED");
    expect(deemed.deemedIssuedAt?.toISOString()).toBe(app.dueAt!.toISOString());
    expect(deemed.stepRole).toBe("OFFICE_CLERK");
    expect(await t.db.auditEvent.count({ where: { applicationId: app.id, type: "application.deemed_issued" } })).toBe(1);
    // The licence is deemed issued with what the applicant asked for, without a signature.
    expect(await t.db.licence.findFirstOrThrow({ where: { applicationId: app.id } })).toMatchObject({ tacit: true, subtypes: ["nonferrous-storage"], status: "ACTIVE" });
    // A second sweep changes nothing.
    await sweepDeadlines(t.db, { now: new Date(after.getTime() + 60_000) });
    expect(await t.db.auditEvent.count({ where: { applicationId: app.id, type: "application.deemed_issued" } })).toBe(1);
  });

  it("three instances sweeping at the same moment announce a step once", async () => {
    const app = await registeredApplication();
    const instances = [createDb(t.url), createDb(t.url), createDb(t.url)];
    // Hold the application's row so that all three sweeps have read it as "on time" before any
    // of them can write: the race a multi-instance deployment has every minute.
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`SELECT 1 FROM "Application" WHERE id = $1 FOR UPDATE`, [app.id]);
    const sweeps = instances.map((db) => sweepDeadlines(db, { now: new Date("2026-11-30T06:30:00Z") }));
    for (let i = 0; i < 160; i++) {
      const { rows } = await holder.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (rows[0].n >= 3) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await holder.query("COMMIT");
    await holder.end();
    const results = await Promise.all(sweeps);
    await Promise.all(instances.map((db) => db.$disconnect()));
    expect(await t.db.notification.count({ where: { applicationId: app.id, userId: head.userId, kind: "step_due" } })).toBe(1);
    expect(results.map((r) => r.reclassified).sort()).toEqual([0, 0, 1]);
  });
});
