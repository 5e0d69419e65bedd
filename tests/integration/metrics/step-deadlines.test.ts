import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { deadlineDashboard, listDeadlineApplications } from "@/lib/oversight/metrics";
import { listWorklist } from "@/lib/cases/worklist";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser } from "../../factories";
import { createApplicant, createSupervisor, insertApplication, orgByCode } from "../../factories/metrics";

/**
 * Issue 12 point 6: the dashboard said 0 due today while the clerk had registrations due at 09:15
 * that morning: it counted the overall term. Now it counts by the current step's due instant (as
 * the worklists do) and, separately, by the term.
 * Wednesday 15 April 2026, 07:00 in Almaty (02:00Z).
 */
const NOW = new Date("2026-04-15T02:00:00Z");
const END_OF_TODAY = new Date("2026-04-15T19:00:00Z");
let t: TestDb;
let sup: UserActor, clerk: UserActor, executor: UserActor;
const registrations: string[] = [];
const reviews: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  const aktobe = (await orgByCode(t.db, "aktobe")).id;
  sup = await createSupervisor(t.db, aktobe, "ORGANISATION");
  clerk = (await createUser(t.db, "OFFICE_CLERK", { organisationId: aktobe })).actor;
  executor = (await createUser(t.db, "EXECUTOR", { organisationId: aktobe })).actor;
  const who = await createApplicant(t.db);
  const base = { organisationId: aktobe, subjectId: who.subject.id, createdById: who.actor.userId };
  // 6 registrations due at 09:15 today (step), their result due in two weeks (term).
  for (let i = 0; i < 6; i++) {
    const a = await insertApplication(t.db, { ...base, status: "SUBMITTED", stepKey: "register", dueAt: new Date("2026-04-30T13:00:00Z") });
    await t.db.application.update({ where: { id: a.id }, data: { stepRole: "OFFICE_CLERK", stepDueAt: new Date("2026-04-15T04:15:00Z") } });
    registrations.push(a.id);
  }
  // 2 reviews whose step is due tomorrow, but whose overall term ends today at 15:00.
  for (let i = 0; i < 2; i++) {
    const a = await insertApplication(t.db, { ...base, status: "IN_PROGRESS", stepKey: "review", assigneeId: executor.userId, dueAt: new Date("2026-04-15T10:00:00Z") });
    await t.db.application.update({ where: { id: a.id }, data: { stepRole: "EXECUTOR", stepDueAt: new Date("2026-04-16T06:00:00Z") } });
    reviews.push(a.id);
  }
  // 1 review whose step was due yesterday (step overdue, term not).
  const late = await insertApplication(t.db, { ...base, status: "IN_PROGRESS", stepKey: "review", assigneeId: executor.userId, dueAt: new Date("2026-04-25T10:00:00Z") });
  await t.db.application.update({ where: { id: late.id }, data: { stepRole: "EXECUTOR", stepDueAt: new Date("2026-04-14T12:00:00Z") } });
});
afterAll(async () => {
  await t?.drop();
});

/** Every row of an officer's worklist (all pages) whose step is due between now and midnight. */
async function worklistDueToday(actor: UserActor): Promise<string[]> {
  const out: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await listWorklist(t.db, actor, { dueFrom: "2026-04-15", dueTo: "2026-04-15", after }, { now: NOW });
    out.push(...page.rows.filter((r) => r.stepDueAt && r.stepDueAt >= NOW && r.stepDueAt < END_OF_TODAY).map((r) => r.id));
    if (!page.next) break;
    after = page.next;
  }
  return out;
}

describe("deadline dashboard by the current step", () => {
  it("counts due today exactly as the worklists' step deadlines at the same moment, and the term separately", async () => {
    const d = await deadlineDashboard(t.db, sup, {}, NOW);
    const onWorklists = [...(await worklistDueToday(clerk)), ...(await worklistDueToday(executor))];
    expect(onWorklists.sort()).toEqual([...registrations].sort());
    expect(d.totals.stepDueToday).toBe(onWorklists.length);
    expect(d.totals.stepDueToday).toBe(6);
    expect(d.totals.stepOverdue).toBe(1);
    // By the overall term: only the two reviews are due today, and nothing is overdue.
    expect(d.totals.dueToday).toBe(2);
    expect(d.totals.overdue).toBe(0);
    expect(d.breakdown.step.find((r) => r.key === "register")).toMatchObject({ stepDueToday: 6, dueToday: 0 });
  });

  it("lists the same applications as the tiles, by either basis", async () => {
    const step = await listDeadlineApplications(t.db, sup, { list: "today", basis: "step" }, NOW);
    expect(step.rows.map((r) => r.id).sort()).toEqual([...registrations].sort());
    const term = await listDeadlineApplications(t.db, sup, { list: "today", basis: "term" }, NOW);
    expect(term.rows.map((r) => r.id).sort()).toEqual([...reviews].sort());
    const paged = await listDeadlineApplications(t.db, sup, { list: "today", basis: "step", take: 4 }, NOW);
    const rest = await listDeadlineApplications(t.db, sup, { list: "today", basis: "step", take: 4, after: paged.next! }, NOW);
    expect([...paged.rows, ...rest.rows].map((r) => r.id).sort()).toEqual([...registrations].sort());
    expect((await listDeadlineApplications(t.db, sup, { list: "overdue", basis: "step" }, NOW)).rows).toHaveLength(1);
  });
});
