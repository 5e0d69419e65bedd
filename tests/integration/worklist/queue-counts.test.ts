import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countWorklistQueues, listWorklist, QUEUES_OF_ROLE } from "@/lib/cases/worklist";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createApplication, createOrganisation, createService, createSubject, createUser } from "../../factories";

// Issue 12 point 14: the queue tabs showed no counts and no total.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

describe("countWorklistQueues", () => {
  it("counts each queue and the total with the current filters, equal to the rows listed", async () => {
    await createService(t.db);
    const org = await createOrganisation(t.db);
    const subject = await createSubject(t.db);
    const { actor: applicant } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
    const { actor: head } = await createUser(t.db, "HEAD", { organisationId: org.id });
    const due = new Date("2026-11-30T05:00:00Z");
    for (const [stepKey, n] of [["assign_deputy_head", 3], ["sign", 2]] as const) {
      for (let i = 0; i < n; i++) {
        const a = await createApplication(t.db, { organisationId: org.id, subjectId: subject.id, createdById: applicant.userId, status: "IN_PROGRESS", stepRole: "HEAD", stepDueAt: due });
        await t.db.application.update({ where: { id: a.id }, data: { stepKey } });
      }
    }
    const queues = QUEUES_OF_ROLE.HEAD;
    const counts = await countWorklistQueues(t.db, head, {}, queues);
    expect(counts.total).toBe(5);
    for (const q of queues) {
      expect(counts.byQueue[q]).toBe((await listWorklist(t.db, head, { queue: q }, { pageSize: 100 })).rows.length);
    }
    expect(Object.values(counts.byQueue).reduce((a, b) => a + (b ?? 0), 0)).toBe(5);
    expect((await countWorklistQueues(t.db, head, { number: "NOPE" }, queues)).total).toBe(0);
  });
});
