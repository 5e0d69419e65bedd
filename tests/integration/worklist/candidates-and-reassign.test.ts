import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeCommand } from "@/lib/cases/applications";
import type { UserActor } from "@/lib/platform/auth";
import { assignApplication, getOfficerApplication, recordCheck, registerApplication, startReview, type TExpectedState } from "@/lib/cases/officer-actions";
import { listAssignedApplications, listAssigneeCandidates, listWorklist, reassignApplications } from "@/lib/cases/worklist";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createSubject, createUser } from "../../factories";
import { expectedOf, openApplication, submittedApplication } from "./helpers";

let t: TestDb;
let atyrau: string, aktobe: string;
let applicant: UserActor, clerk: UserActor, head: UserActor, executor: UserActor, executor2: UserActor;

const t0 = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const ctx = (actor: UserActor, minutes: number) => ({ actor, now: at(minutes) });
const rowOf = (id: string) => t.db.application.findUniqueOrThrow({ where: { id } });
const expectedNow = async (id: string) => expectedOf(await rowOf(id)) as TExpectedState;

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  atyrau = (await t.db.organisation.findUniqueOrThrow({ where: { code: "atyrau" } })).id;
  aktobe = (await t.db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } })).id;
  const subject = await createSubject(t.db);
  applicant = (await createUser(t.db, "APPLICANT", { subjectId: subject.id })).actor;
  clerk = (await createUser(t.db, "OFFICE_CLERK", { organisationId: atyrau })).actor;
  const h = await createUser(t.db, "HEAD", { organisationId: atyrau });
  await t.db.user.update({ where: { id: h.user.id }, data: { canSign: true } });
  head = { ...h.actor, canSign: true };
  executor = (await createUser(t.db, "EXECUTOR", { organisationId: atyrau })).actor;
  executor2 = (await createUser(t.db, "EXECUTOR", { organisationId: atyrau })).actor;
});
afterAll(async () => {
  await t.drop();
});

async function assignedTo(who: UserActor) {
  const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(0) });
  await registerApplication(t.db, ctx(clerk, 5), { applicationId: app.id, expected: expectedOf(app) as TExpectedState });
  await assignApplication(t.db, ctx(head, 10), { applicationId: app.id, expected: await expectedNow(app.id), assigneeId: who.userId });
  return app.id;
}

describe("assignee candidates with their load", () => {
  it("counts each officer's open assigned applications of the organisation in one grouped query", async () => {
    const org = (await t.db.organisation.findUniqueOrThrow({ where: { code: "committee" } })).id;
    const [e1, e2, e3] = await Promise.all([1, 2, 3].map(async () => (await createUser(t.db, "EXECUTOR", { organisationId: org })).actor));
    const headC = (await createUser(t.db, "HEAD", { organisationId: org })).actor;
    const subject = applicant.subjectId!;
    const base = { organisationId: org, subjectId: subject, createdById: applicant.userId, stepRole: "EXECUTOR" as const };
    for (let i = 0; i < 3; i++) await openApplication(t.db, { ...base, assigneeId: e1!.userId });
    await openApplication(t.db, { ...base, assigneeId: e2!.userId, status: "SUSPENDED" });
    await openApplication(t.db, { ...base, assigneeId: e2!.userId, status: "ISSUED" }); // closed: not load
    await t.db.user.update({ where: { id: e3!.userId }, data: { active: false } });

    const list = await listAssigneeCandidates(t.db, headC, "EXECUTOR");
    expect(Object.fromEntries(list.map((c) => [c.id, c.openCount]))).toEqual({ [e1!.userId]: 3, [e2!.userId]: 1 });
    expect(list.every((c) => c.active)).toBe(true);
    const all = await listAssigneeCandidates(t.db, headC, "EXECUTOR", { includeInactive: true });
    expect(all.find((c) => c.id === e3!.userId)).toMatchObject({ active: false, openCount: 0 });
    // Only the head's own organisation.
    expect((await listAssigneeCandidates(t.db, head, "EXECUTOR")).map((c) => c.id)).not.toContain(e1!.userId);
  });

  it("East Kazakhstan: head → deputy head → department head → executor, each offered the officers of the next role", async () => {
    const eko = (await t.db.organisation.findUniqueOrThrow({ where: { code: "east-kazakhstan" } })).id;
    const staff = async (role: "OFFICE_CLERK" | "HEAD" | "DEPUTY_HEAD" | "DEPARTMENT_HEAD" | "EXECUTOR") => (await createUser(t.db, role, { organisationId: eko })).actor;
    const [c, h, d, dep, ex] = [await staff("OFFICE_CLERK"), await staff("HEAD"), await staff("DEPUTY_HEAD"), await staff("DEPARTMENT_HEAD"), await staff("EXECUTOR")];
    const app = await submittedApplication(t.db, { organisationId: eko, applicant, serviceCode: "grain-warehouse-receipts-licence", formData: { activitySubtypes: ["grain-warehouse-services"] }, now: at(0) });
    await registerApplication(t.db, ctx(c!, 5), { applicationId: app.id, expected: expectedOf(app) as TExpectedState });
    const chain: [UserActor, UserActor, string][] = [
      [h!, d!, "DEPUTY_HEAD"],
      [d!, dep!, "DEPARTMENT_HEAD"],
      [dep!, ex!, "EXECUTOR"],
    ];
    for (const [who, next, role] of chain) {
      const ws = await getOfficerApplication(t.db, who, app.id, { now: at(6) });
      expect(ws.commands).toEqual(["assign"]);
      expect(ws.nextStep?.role).toBe(role);
      expect(ws.candidates.map((x) => x.id)).toEqual([next.userId]);
      expect((await listWorklist(t.db, who, {})).rows.map((r) => r.id)).toContain(app.id);
      await assignApplication(t.db, ctx(who, 10), { applicationId: app.id, expected: await expectedNow(app.id), assigneeId: next.userId });
    }
    expect((await rowOf(app.id)).stepKey).toBe("check_completeness");
    const ws = await getOfficerApplication(t.db, ex!, app.id, { now: at(20) });
    expect(ws.commands).toEqual(["start_review"]);
  });
});

describe("bulk reassignment by the head", () => {
  it("the engine's assign is not allowed at the executor's step, so reassignment is its own use case", async () => {
    const id = await assignedTo(executor);
    await expect(
      executeCommand(t.db, { actor: head, applicationId: id, command: { type: "assign", assigneeId: executor2.userId, assigneeRole: "EXECUTOR", assigneeOrganisationId: atyrau }, now: at(20) }),
    ).rejects.toThrow("workflow.step_out_of_order");
  });

  it("moves the chosen applications, one transaction each: assignee, open step, resolution, version, audit, notification", async () => {
    const [a1, a2] = [await assignedTo(executor), await assignedTo(executor)];
    await startReview(t.db, ctx(executor, 20), { applicationId: a2, expected: await expectedNow(a2) });
    const listed = await listAssignedApplications(t.db, head, executor.userId);
    const mine = listed.filter((r) => r.id === a1 || r.id === a2);
    expect(mine).toHaveLength(2);

    const results = await reassignApplications(t.db, {
      actor: head,
      input: { fromUserId: executor.userId, toUserId: executor2.userId, applications: mine.map((r) => ({ id: r.id, version: r.version })) },
      now: at(30),
    });
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    for (const r of mine) {
      const row = await rowOf(r.id);
      expect(row.assigneeId).toBe(executor2.userId);
      expect(row.version).toBe(r.version + 1);
      const open = await t.db.applicationStep.findFirstOrThrow({ where: { applicationId: r.id, completedAt: null } });
      expect(open.assigneeId).toBe(executor2.userId);
      const audit = await t.db.auditEvent.findFirstOrThrow({ where: { applicationId: r.id, type: "application.reassigned" } });
      expect(audit).toMatchObject({ actorId: head.userId, actorRole: "HEAD" });
      expect(audit.data).toMatchObject({ fromUserId: executor.userId, toUserId: executor2.userId, stepKey: "check_completeness" });
      expect(await t.db.notification.count({ where: { applicationId: r.id, userId: executor2.userId, kind: "task_assigned" } })).toBeGreaterThan(0);
    }
    expect((await listWorklist(t.db, executor, {})).rows.map((r) => r.id)).not.toContain(a1);
    expect((await listWorklist(t.db, executor2, {})).rows.map((r) => r.id)).toEqual(expect.arrayContaining([a1, a2]));

    // The new executor works on; the next executor step starts with them, not with the absent one.
    await expect(startReview(t.db, ctx(executor, 40), { applicationId: a1, expected: await expectedNow(a1) })).rejects.toThrow("workflow.not_assignee");
    await recordCheck(t.db, ctx(executor2, 40), { applicationId: a2, expected: await expectedNow(a2), check: "completeness", passed: true, items: [] });
    expect(await rowOf(a2)).toMatchObject({ stepKey: "check_qualification", assigneeId: executor2.userId });
  });

  it("a stale version loses: nothing changes for that application, the others go through", async () => {
    const [a1, a2] = [await assignedTo(executor), await assignedTo(executor)];
    const v1 = (await rowOf(a1)).version;
    const v2 = (await rowOf(a2)).version;
    // Meanwhile the executor starts reviewing a1: the head's list is stale for it.
    await startReview(t.db, ctx(executor, 20), { applicationId: a1, expected: await expectedNow(a1) });
    const results = await reassignApplications(t.db, {
      actor: head,
      input: { fromUserId: executor.userId, toUserId: executor2.userId, applications: [{ id: a1, version: v1 }, { id: a2, version: v2 }] },
      now: at(30),
    });
    expect(results).toEqual([
      { id: a1, ok: false, code: "workflow.stale_state" },
      { id: a2, ok: true, version: v2 + 1 },
    ]);
    expect((await rowOf(a1)).assigneeId).toBe(executor.userId);
    expect(await t.db.auditEvent.count({ where: { applicationId: a1, type: "application.reassigned" } })).toBe(0);
  });

  it("only a head; only to an active executor of the same organisation; only applications of the `from` executor", async () => {
    const id = await assignedTo(executor);
    const input = async () => ({ fromUserId: executor.userId, toUserId: executor2.userId, applications: [{ id, version: (await rowOf(id)).version }] });
    await expect(reassignApplications(t.db, { actor: clerk, input: await input(), now: at(30) })).rejects.toThrow("auth.forbidden");
    const foreign = (await createUser(t.db, "EXECUTOR", { organisationId: aktobe })).actor;
    await expect(reassignApplications(t.db, { actor: head, input: { ...(await input()), toUserId: foreign.userId }, now: at(30) })).rejects.toThrow("workflow.invalid_assignee");
    await expect(reassignApplications(t.db, { actor: head, input: { ...(await input()), toUserId: executor.userId }, now: at(30) })).rejects.toThrow("officer.errors.same_executor");
    const r = await reassignApplications(t.db, { actor: head, input: { ...(await input()), fromUserId: executor2.userId, toUserId: executor.userId }, now: at(30) });
    expect(r).toEqual([{ id, ok: false, code: "officer.errors.not_assigned" }]);
    const otherHead = (await createUser(t.db, "HEAD", { organisationId: aktobe })).actor;
    await expect(reassignApplications(t.db, { actor: otherHead, input: await input(), now: at(30) })).rejects.toThrow("workflow.invalid_assignee");
  });
});
