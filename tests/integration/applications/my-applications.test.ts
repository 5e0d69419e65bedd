import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMyApplications, listMyServiceCodes } from "@/lib/cases/applications";
import type { UserActor } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createApplication, createOrganisation, createService, createSubject, createUser } from "../../factories";

// Issue 12 point 2: "My applications" stopped at 50 rows, had no search or filter, and an issued
// application dropped out behind newer drafts.
let t: TestDb;
let me: UserActor;
let ids: string[];
beforeAll(async () => {
  t = await createTestDb();
  await createService(t.db);
  await createService(t.db, "mining-chemical-production-licence");
  const org = await createOrganisation(t.db);
  const subject = await createSubject(t.db);
  me = (await createUser(t.db, "APPLICANT", { subjectId: subject.id })).actor;
  ids = [];
  const base = Date.parse("2026-11-01T04:00:00Z");
  for (let i = 0; i < 57; i++) {
    const app = await createApplication(t.db, { organisationId: org.id, subjectId: subject.id, createdById: me.userId, status: i % 3 === 0 ? "DRAFT" : "IN_PROGRESS", serviceCode: i === 7 ? "mining-chemical-production-licence" : undefined });
    const at = new Date(base + i * 60_000);
    await t.db.$executeRaw`update "Application" set "createdAt" = ${at}, "updatedAt" = ${at}, "registrationNumber" = ${i % 3 === 0 ? null : `KZ-TEST-${String(i).padStart(3, "0")}`} where id = ${app.id}`;
    ids.push(app.id);
  }
  // Another applicant's application is never listed.
  const other = await createSubject(t.db);
  const { actor: otherActor } = await createUser(t.db, "APPLICANT", { subjectId: other.id });
  await createApplication(t.db, { organisationId: org.id, subjectId: other.id, createdById: otherActor.userId });
});
afterAll(async () => {
  await t.drop();
});

describe("listMyApplications", () => {
  it("pages beyond 50 with keyset cursors, each row once, most recently changed first", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listMyApplications(t.db, me, { after });
      seen.push(...page.rows.map((r) => r.id));
      after = page.next ?? undefined;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(57);
    expect(new Set(seen).size).toBe(57);
    expect(seen).toEqual([...ids].reverse());
  });

  it("searches by (part of) the registration number and filters by status and service", async () => {
    expect((await listMyApplications(t.db, me, { q: "kz-test-04" })).rows.map((r) => r.registrationNumber).sort()).toEqual(["KZ-TEST-040", "KZ-TEST-041", "KZ-TEST-043", "KZ-TEST-044", "KZ-TEST-046", "KZ-TEST-047", "KZ-TEST-049"]);
    const drafts = await listMyApplications(t.db, me, { status: "DRAFT" }, { take: 100 });
    expect(drafts.rows).toHaveLength(19);
    expect(drafts.rows.every((r) => r.status === "DRAFT" && r.registrationNumber === null)).toBe(true);
    expect((await listMyApplications(t.db, me, { service: "mining-chemical-production-licence" })).rows.map((r) => r.id)).toEqual([ids[7]]);
    expect(await listMyServiceCodes(t.db, me)).toEqual(["mining-chemical-production-licence", "scrap-metal-licence"]);
  });

  it("an application that changes (e.g. is issued) comes to the top instead of dropping out", async () => {
    await t.db.application.update({ where: { id: ids[1]! }, data: { status: "ISSUED" } });
    const first = await listMyApplications(t.db, me);
    expect(first.rows[0]).toMatchObject({ id: ids[1], status: "ISSUED" });
  });

  it("a damaged cursor is a validation error on `after`", async () => {
    await expect(listMyApplications(t.db, me, { after: "garbage" })).rejects.toMatchObject({ code: "validation.failed" });
  });
});
