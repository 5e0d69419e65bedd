import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getApplication, listMyApplications } from "@/lib/cases/applications";
import { listWorklist } from "@/lib/cases/worklist";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createApplication, createOrganisation, createService, createSubject, createUser } from "../../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

describe("migrations", () => {
  it("apply to an empty database and create every table of the domain model", async () => {
    const rows = await t.db.$queryRaw<{ table_name: string }[]>`select table_name from information_schema.tables where table_schema = 'public'`;
    const names = rows.map((r) => r.table_name);
    for (const table of ["Organisation", "User", "Subject", "Application", "ApplicationStep", "Document", "Payment", "Signature", "Licence", "Complaint", "SurveyResponse", "Notification", "AuditEvent", "CertificateRevocation", "RegulationVersion"]) {
      expect(names).toContain(table);
    }
    const applied = await t.db.$queryRaw<{ n: bigint }[]>`select count(*)::bigint as n from _prisma_migrations where finished_at is not null`;
    expect(Number(applied[0]!.n)).toBeGreaterThan(0);
  });
});

describe("scoping", () => {
  it("an officer of organisation A gets not-found for B's application and never sees it in a worklist", async () => {
    await createService(t.db);
    const [a, b] = [await createOrganisation(t.db), await createOrganisation(t.db)];
    const subject = await createSubject(t.db);
    const { actor: applicant } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
    const { actor: clerkA } = await createUser(t.db, "OFFICE_CLERK", { organisationId: a.id });
    const { actor: clerkB } = await createUser(t.db, "OFFICE_CLERK", { organisationId: b.id });
    const appB = await createApplication(t.db, { organisationId: b.id, subjectId: subject.id, createdById: applicant.userId, status: "SUBMITTED", stepRole: "OFFICE_CLERK", stepDueAt: new Date("2026-11-30T05:00:00Z") });

    await expect(getApplication(t.db, clerkA, appB.id)).rejects.toThrow("errors.not_found");
    expect((await getApplication(t.db, clerkB, appB.id)).id).toBe(appB.id);
    expect((await listWorklist(t.db, clerkA, {})).rows.map((r) => r.id)).not.toContain(appB.id);
    expect((await listWorklist(t.db, clerkB, {})).rows.map((r) => r.id)).toContain(appB.id);
  });

  it("an applicant never reads another applicant's application", async () => {
    await createService(t.db);
    const org = await createOrganisation(t.db);
    const [s1, s2] = [await createSubject(t.db), await createSubject(t.db)];
    const { actor: one } = await createUser(t.db, "APPLICANT", { subjectId: s1.id });
    const { actor: two } = await createUser(t.db, "APPLICANT", { subjectId: s2.id });
    const app = await createApplication(t.db, { organisationId: org.id, subjectId: s1.id, createdById: one.userId, status: "DRAFT" });

    await expect(getApplication(t.db, two, app.id)).rejects.toThrow("errors.not_found");
    expect((await listMyApplications(t.db, two)).rows.map((r) => r.id)).not.toContain(app.id);
    expect((await listMyApplications(t.db, one)).rows.map((r) => r.id)).toContain(app.id);
  });

  it("orders the worklist by the step's due instant, soonest first, with keyset pages", async () => {
    await createService(t.db);
    const org = await createOrganisation(t.db);
    const subject = await createSubject(t.db);
    const { actor: applicant } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
    const { actor: head } = await createUser(t.db, "HEAD", { organisationId: org.id });
    const base = Date.UTC(2026, 10, 30, 4, 0);
    for (let i = 29; i >= 0; i--) {
      await createApplication(t.db, { organisationId: org.id, subjectId: subject.id, createdById: applicant.userId, stepRole: "HEAD", stepDueAt: new Date(base + i * 60_000) });
    }
    const first = await listWorklist(t.db, head, {});
    expect(first.rows).toHaveLength(25);
    const dues = first.rows.map((r) => r.stepDueAt!.getTime());
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    expect(dues[0]).toBe(base);
    const second = await listWorklist(t.db, head, { after: first.next! });
    expect(second.rows).toHaveLength(5);
    expect(second.next).toBeNull();
    expect(second.rows[0]!.stepDueAt!.getTime()).toBe(base + 25 * 60_000);
  });
});
