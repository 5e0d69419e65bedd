import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remindApplicantTasks } from "@/lib/cases/applications";
import { feeFor } from "@/lib/law/catalogue";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createApplication, createOrganisation, createService, createSubject, createUser } from "../../factories";
import { createPaidPayment } from "../../factories/api";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await createService(t.db);
});
afterAll(async () => {
  await t.drop();
});

const NOW = new Date("2026-11-30T05:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

async function applicant() {
  const org = await createOrganisation(t.db);
  const subject = await createSubject(t.db);
  const { user, actor } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
  return { org, subject, user, actor };
}

async function draft(a: Awaited<ReturnType<typeof applicant>>, lastChange: Date) {
  const app = await createApplication(t.db, { organisationId: a.org.id, subjectId: a.subject.id, createdById: a.user.id, status: "DRAFT" });
  await t.db.$executeRaw`UPDATE "Application" SET "updatedAt" = ${lastChange}::timestamp(3) WHERE id = ${app.id}`;
  return app;
}

async function awaitingCorrection(a: Awaited<ReturnType<typeof applicant>>, requestedAt: Date) {
  const app = await createApplication(t.db, { organisationId: a.org.id, subjectId: a.subject.id, createdById: a.user.id });
  const suspension = { kind: "correction", reasonCode: "correction_requested", reason: "устав без подписи", items: ["charter"], at: requestedAt.toISOString(), byUserId: a.user.id };
  return t.db.application.update({ where: { id: app.id }, data: { status: "SUSPENDED", registrationNumber: `KZ-${app.id.slice(0, 8)}`, workflowData: { stepSeq: 1, suspension } } });
}

const remindersOf = (applicationId: string) => t.db.notification.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } });

describe("remindApplicantTasks", () => {
  it("reminds an idle unpaid draft once a week, and stops when it is paid", async () => {
    const a = await applicant();
    const idle = await draft(a, ago(2));
    const fresh = await draft(a, ago(0.5));
    const abandoned = await draft(a, ago(90));

    const first = await remindApplicantTasks(t.db, { now: NOW });
    expect(first.paymentDue).toBeGreaterThanOrEqual(1);
    const rows = await remindersOf(idle.id);
    expect(rows).toHaveLength(1);
    const quote = feeFor("scrap-metal-licence", "issue", NOW);
    if (quote.free) throw new Error("the scrap-metal licence has a fee");
    expect(rows[0]).toMatchObject({ userId: a.user.id, kind: "payment_due", params: { service: "scrap-metal-licence", amountKzt: quote.amountKzt } });
    expect(await remindersOf(fresh.id)).toHaveLength(0);
    expect(await remindersOf(abandoned.id)).toHaveLength(0);

    // The next days add nothing; a week later the draft is reminded again.
    await remindApplicantTasks(t.db, { now: new Date(NOW.getTime() + DAY) });
    expect(await remindersOf(idle.id)).toHaveLength(1);
    await remindApplicantTasks(t.db, { now: new Date(NOW.getTime() + 8 * DAY) });
    expect(await remindersOf(idle.id)).toHaveLength(2);

    // Paid: no more reminders.
    await createPaidPayment(t.db, idle.id, new Date(NOW.getTime() + 9 * DAY));
    await remindApplicantTasks(t.db, { now: new Date(NOW.getTime() + 20 * DAY) });
    expect(await remindersOf(idle.id)).toHaveLength(2);
  });

  it("reminds an unanswered correction request after the idle period, once per period", async () => {
    const a = await applicant();
    const waiting = await awaitingCorrection(a, ago(3));
    const justAsked = await awaitingCorrection(a, ago(0.2));

    await remindApplicantTasks(t.db, { now: NOW });
    const rows = await remindersOf(waiting.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "correction_pending",
      params: { registrationNumber: waiting.registrationNumber, requestedAt: ago(3).toISOString(), reason: "устав без подписи" },
    });
    expect(await remindersOf(justAsked.id)).toHaveLength(0);

    // Answered (processing resumed): nothing more.
    await t.db.application.update({ where: { id: waiting.id }, data: { status: "IN_PROGRESS", workflowData: { stepSeq: 1 } } });
    await remindApplicantTasks(t.db, { now: new Date(NOW.getTime() + 10 * DAY) });
    expect(await remindersOf(waiting.id)).toHaveLength(1);
  });

  it("does not remind twice when two runs overlap, nor an inactive account", async () => {
    const a = await applicant();
    const idle = await draft(a, ago(3));
    const b = await applicant();
    await t.db.user.update({ where: { id: b.user.id }, data: { active: false } });
    const other = await draft(b, ago(3));

    await Promise.all([remindApplicantTasks(t.db, { now: NOW }), remindApplicantTasks(t.db, { now: NOW })]);
    expect(await remindersOf(idle.id)).toHaveLength(1);
    expect(await remindersOf(other.id)).toHaveLength(0);
  });
});
