import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUnread, listMyNotifications, markRead, notify, notifyMany, resolveRecipients } from "@/lib/integration/notifications";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createApplication, createOrganisation, createService, createSubject, createUser } from "../../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await createService(t.db);
});
afterAll(async () => {
  await t.drop();
});

const NOW = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function applicantWithApplication() {
  const org = await createOrganisation(t.db);
  const subject = await createSubject(t.db);
  const { actor } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
  const app = await createApplication(t.db, { organisationId: org.id, subjectId: subject.id, createdById: actor.userId });
  return { org, subject, actor, app };
}

describe("notify", () => {
  it("is committed with the state change that caused it", async () => {
    const { actor, app } = await applicantWithApplication();
    await t.db.$transaction(async (tx) => {
      await tx.application.update({ where: { id: app.id }, data: { status: "SUSPENDED" } });
      await notify(tx, { userId: actor.userId, kind: "suspended", params: { registrationNumber: "KZ-1", reason: "проверка" }, applicationId: app.id, now: NOW });
    });
    const rows = await t.db.notification.findMany({ where: { userId: actor.userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "suspended", messageKey: "notifications.kinds.suspended", applicationId: app.id, readAt: null, emailedAt: null, createdAt: NOW });
    expect(rows[0]!.params).toEqual({ registrationNumber: "KZ-1", reason: "проверка" });
  });

  it("inside a transaction that rolls back leaves nothing", async () => {
    const { actor, app } = await applicantWithApplication();
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.application.update({ where: { id: app.id }, data: { status: "SUSPENDED" } });
        await notify(tx, { userId: actor.userId, kind: "resumed", params: { registrationNumber: "KZ-2", readyBy: at(600) }, applicationId: app.id, now: NOW });
        await notifyMany(tx, { userIds: [actor.userId], kind: "step_changed", params: { registrationNumber: "KZ-2", stage: "assigned" }, applicationId: app.id, now: NOW });
        throw new Error("the state change failed after notifying");
      }),
    ).rejects.toThrow("the state change failed");
    expect(await t.db.notification.count({ where: { userId: actor.userId } })).toBe(0);
    expect((await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe("IN_PROGRESS");
  });

  it("rejects wrong params or a missing application, failing the caller's transaction", async () => {
    const { actor, app } = await applicantWithApplication();
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.application.update({ where: { id: app.id }, data: { status: "SUSPENDED" } });
        await notify(tx, { userId: actor.userId, kind: "suspended", params: { registrationNumber: "KZ-3" } as never, applicationId: app.id, now: NOW });
      }),
    ).rejects.toThrow(/invalid params/);
    await expect(notify(t.db, { userId: actor.userId, kind: "refused", params: { registrationNumber: "KZ-3", reason: "x" }, now: NOW })).rejects.toThrow(/needs an applicationId/);
    expect((await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe("IN_PROGRESS");
    expect(await t.db.notification.count({ where: { userId: actor.userId } })).toBe(0);
  });

  it("notifyMany writes one row per distinct user", async () => {
    const org = await createOrganisation(t.db);
    const subject = await createSubject(t.db);
    const { actor: a } = await createUser(t.db, "EXECUTOR", { organisationId: org.id });
    const { actor: b } = await createUser(t.db, "EXECUTOR", { organisationId: org.id });
    const { actor: applicant } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
    const app = await createApplication(t.db, { organisationId: org.id, subjectId: subject.id, createdById: applicant.userId });
    const n = await notifyMany(t.db, { userIds: [a.userId, b.userId, a.userId], kind: "task_assigned", params: { application: "KZ-4", step: "review", dueAt: at(60) }, applicationId: app.id, now: NOW });
    expect(n).toBe(2);
    expect(await notifyMany(t.db, { userIds: [], kind: "task_assigned", params: { application: "KZ-4", step: "review", dueAt: at(60) }, applicationId: app.id, now: NOW })).toBe(0);
  });
});

describe("resolveRecipients", () => {
  it("finds the subject's applicants, a role in an organisation and the supervisors watching it; never inactive users", async () => {
    const org = await createOrganisation(t.db, { region: "region-x" });
    const other = await createOrganisation(t.db, { region: "region-x" });
    const far = await createOrganisation(t.db, { region: "region-y" });
    const subject = await createSubject(t.db);
    const { actor: applicant } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
    const { actor: gone } = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
    await t.db.user.update({ where: { id: gone.userId }, data: { active: false } });
    const { actor: clerk } = await createUser(t.db, "OFFICE_CLERK", { organisationId: org.id });
    await createUser(t.db, "OFFICE_CLERK", { organisationId: other.id });
    const { actor: own } = await createUser(t.db, "SUPERVISOR", { organisationId: org.id, supervisorScope: "ORGANISATION" });
    const { actor: regional } = await createUser(t.db, "SUPERVISOR", { organisationId: other.id, supervisorScope: "REGION" });
    const { actor: all } = await createUser(t.db, "SUPERVISOR", { organisationId: far.id, supervisorScope: "ALL" });
    const { actor: elsewhere } = await createUser(t.db, "SUPERVISOR", { organisationId: far.id, supervisorScope: "REGION" });

    expect(await resolveRecipients(t.db, { kind: "subject", subjectId: subject.id })).toEqual([applicant.userId]);
    expect(await resolveRecipients(t.db, { kind: "role", role: "OFFICE_CLERK", organisationId: org.id })).toEqual([clerk.userId]);
    const sup = await resolveRecipients(t.db, { kind: "supervisors", organisationId: org.id });
    expect(sup).toEqual(expect.arrayContaining([own.userId, regional.userId, all.userId]));
    expect(sup).not.toContain(elsewhere.userId);
  });
});

describe("my notifications", () => {
  it("lists only the actor's own, newest first, with keyset pages", async () => {
    const { actor: me, app } = await applicantWithApplication();
    const { actor: other, app: otherApp } = await applicantWithApplication();
    for (let i = 0; i < 5; i++) {
      await notify(t.db, { userId: me.userId, kind: "step_changed", params: { registrationNumber: `M-${i}`, stage: "under_review" }, applicationId: app.id, now: at(i) });
    }
    await notify(t.db, { userId: other.userId, kind: "step_changed", params: { registrationNumber: "OTHER", stage: "under_review" }, applicationId: otherApp.id, now: at(10) });

    const first = await listMyNotifications(t.db, me, { take: 3 });
    expect(first.rows.map((r) => (r.params as { registrationNumber: string }).registrationNumber)).toEqual(["M-4", "M-3", "M-2"]);
    expect(first.next).not.toBeNull();
    const second = await listMyNotifications(t.db, me, { take: 3, after: first.next! });
    expect(second.rows.map((r) => (r.params as { registrationNumber: string }).registrationNumber)).toEqual(["M-1", "M-0"]);
    expect(second.next).toBeNull();
    expect((await listMyNotifications(t.db, other)).rows).toHaveLength(1);
    // A malformed cursor is ignored rather than failing the page.
    expect((await listMyNotifications(t.db, me, { after: "garbage" })).rows).toHaveLength(5);
  });

  it("markRead touches only the actor's own notifications, and counts follow", async () => {
    const { actor: me, app } = await applicantWithApplication();
    const { actor: other, app: otherApp } = await applicantWithApplication();
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push((await notify(t.db, { userId: me.userId, kind: "step_changed", params: { registrationNumber: `R-${i}`, stage: "assigned" }, applicationId: app.id, now: at(i) })).id);
    const theirs = (await notify(t.db, { userId: other.userId, kind: "step_changed", params: { registrationNumber: "X", stage: "assigned" }, applicationId: otherApp.id, now: NOW })).id;
    expect(await countUnread(t.db, me)).toBe(3);

    // Someone else's id in the list is ignored, not an error, and stays unread.
    expect(await markRead(t.db, { actor: me, ids: [mine[0]!, theirs], now: at(30) })).toBe(1);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: theirs } })).readAt).toBeNull();
    expect(await countUnread(t.db, me)).toBe(2);
    expect(await markRead(t.db, { actor: other, ids: [mine[1]!], now: at(30) })).toBe(0);
    expect(await countUnread(t.db, me)).toBe(2);

    expect(await markRead(t.db, { actor: me, all: true, now: at(40) })).toBe(2);
    expect(await countUnread(t.db, me)).toBe(0);
    expect(await countUnread(t.db, other)).toBe(1);
    // The first reading time is kept.
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: mine[0]! } })).readAt).toEqual(at(30));
    expect(await markRead(t.db, { actor: me, all: true, now: at(50) })).toBe(0);
  });
});
