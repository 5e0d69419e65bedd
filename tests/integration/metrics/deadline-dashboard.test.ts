import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { deadlineDashboard, getSupervisedApplication, listDeadlineApplications } from "@/lib/oversight/metrics";
import { recordAudit } from "@/lib/platform/audit";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser } from "../../factories";
import { createApplicant, createSupervisor, insertApplication, insertStep, orgByCode, type TAppSpec } from "../../factories/metrics";

/**
 * Wednesday 15 April 2026, 11:00 in Almaty (06:00Z), no holiday that week. Aktobe works
 * 09:00–18:00 with lunch 13:00–14:00: 8 working hours from now end on Thursday 11:00 (06:00Z).
 * The Committee works 09:00–18:00 with lunch 13:00–14:30: its 8 hours end on Thursday 11:30.
 */
const NOW = new Date("2026-04-15T06:00:00Z");
const Z = (s: string) => new Date(`${s}Z`);
let t: TestDb;
let aktobe: string, atyrau: string, committee: string;
let aktobeSup: UserActor, atyrauRegionSup: UserActor, astanaRegionSup: UserActor, ministry: UserActor, executor: UserActor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  [aktobe, atyrau, committee] = (await Promise.all(["aktobe", "atyrau", "committee"].map((c) => orgByCode(t.db, c)))).map((o) => o.id) as [string, string, string];
  aktobeSup = await createSupervisor(t.db, aktobe, "ORGANISATION");
  atyrauRegionSup = await createSupervisor(t.db, atyrau, "REGION");
  astanaRegionSup = await createSupervisor(t.db, committee, "REGION");
  ministry = await createSupervisor(t.db, committee, "ALL");
  executor = (await createUser(t.db, "EXECUTOR", { organisationId: aktobe })).actor;
  const who = await createApplicant(t.db);
  const base = { subjectId: who.subject.id, createdById: who.actor.userId };
  const e = executor.userId;
  const specs: Record<string, Omit<TAppSpec, "subjectId" | "createdById">> = {
    O1: { organisationId: aktobe, status: "IN_PROGRESS", dueAt: Z("2026-04-09T13:00:00"), stepKey: "review", assigneeId: e },
    O2: { organisationId: aktobe, status: "IN_PROGRESS", dueAt: Z("2026-04-14T13:00:00"), stepKey: "sign", variant: "REISSUE" },
    O3: { organisationId: aktobe, status: "SUBMITTED", dueAt: Z("2026-04-15T13:00:00"), stepKey: "register", serviceCode: "grain-warehouse-receipts-licence" },
    O4: { organisationId: aktobe, status: "IN_PROGRESS", dueAt: Z("2026-04-16T06:00:00"), stepKey: "review", assigneeId: e },
    O5: { organisationId: aktobe, status: "IN_PROGRESS", dueAt: Z("2026-04-16T13:00:00"), stepKey: "review", assigneeId: e },
    O6: { organisationId: aktobe, status: "SUSPENDED", dueAt: Z("2026-04-01T13:00:00"), stepKey: "review" },
    O7: { organisationId: aktobe, status: "DEEMED_ISSUED", dueAt: Z("2026-04-10T13:00:00"), deemedIssuedAt: Z("2026-04-10T13:00:00"), stepKey: "hand_over" },
    O8: { organisationId: aktobe, status: "IN_PROGRESS", dueAt: Z("2026-04-15T05:59:00"), stepKey: "review" },
    C1: { organisationId: aktobe, status: "ISSUED", dueAt: Z("2026-04-01T13:00:00"), closedAt: Z("2026-04-02T06:00:00") },
    D1: { organisationId: aktobe, status: "DRAFT" },
    X1: { organisationId: atyrau, status: "IN_PROGRESS", dueAt: Z("2026-04-13T13:00:00"), stepKey: "review" },
    X2: { organisationId: committee, status: "IN_PROGRESS", serviceCode: "poisons-licence", dueAt: Z("2026-04-15T12:00:00"), stepKey: "review" },
  };
  for (const [k, s] of Object.entries(specs)) ids[k] = (await insertApplication(t.db, { ...base, ...s })).id;
});
afterAll(async () => {
  await t?.drop();
});

async function plainCounts(orgIds: string[]) {
  const rows = await t.db.$queryRawUnsafe<{ open: number; overdue: number; today: number; deemed: number }[]>(
    `SELECT count(*) FILTER (WHERE status IN ('SUBMITTED', 'IN_PROGRESS', 'SUSPENDED'))::int AS open,
            count(*) FILTER (WHERE status IN ('SUBMITTED', 'IN_PROGRESS') AND "dueAt" < '2026-04-15 06:00:00')::int AS overdue,
            count(*) FILTER (WHERE status IN ('SUBMITTED', 'IN_PROGRESS') AND "dueAt" >= '2026-04-15 06:00:00' AND "dueAt" < '2026-04-15 19:00:00')::int AS today,
            count(*) FILTER (WHERE status = 'DEEMED_ISSUED')::int AS deemed
       FROM "Application" WHERE "organisationId" = ANY($1::text[])`,
    orgIds,
  );
  return rows[0]!;
}

describe("deadline dashboard", () => {
  it("counts for one organisation, equal to plain SQL", async () => {
    const d = await deadlineDashboard(t.db, aktobeSup, {}, NOW);
    expect(d.totals).toEqual({ open: 7, overdue: 3, dueToday: 1, dueSoon: 2, deemedIssued: 1, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 });
    const plain = await plainCounts([aktobe]);
    expect([d.totals.open, d.totals.overdue, d.totals.dueToday, d.totals.deemedIssued]).toEqual([plain.open, plain.overdue, plain.today, plain.deemed]);
    // Due soon: running, not overdue, due by Thursday 11:00 local (06:00Z) on Aktobe's hours.
    const soon = await t.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "Application" WHERE "organisationId" = $1 AND status IN ('SUBMITTED','IN_PROGRESS') AND "dueAt" >= '2026-04-15 06:00:00' AND "dueAt" <= '2026-04-16 06:00:00'`,
      aktobe,
    );
    expect(d.totals.dueSoon).toBe(soon[0]!.n);
  });

  it("due within N working hours follows each organisation's calendar", async () => {
    expect((await deadlineDashboard(t.db, aktobeSup, { hours: 2 }, NOW)).totals.dueSoon).toBe(0);
    // 6 working hours: the rest of Wednesday (11–13, 14–18) → 18:00 local: O3 only.
    expect((await deadlineDashboard(t.db, aktobeSup, { hours: 6 }, NOW)).totals.dueSoon).toBe(1);
    expect((await deadlineDashboard(t.db, aktobeSup, { hours: 16 }, NOW)).totals.dueSoon).toBe(3);
  });

  it("breakdowns by organisation, service, variant, step and officer", async () => {
    const d = await deadlineDashboard(t.db, aktobeSup, {}, NOW);
    const row = (dim: keyof typeof d.breakdown, key: string | null) => d.breakdown[dim].find((r) => r.key === key);
    expect(d.breakdown.organisation).toEqual([{ key: aktobe, open: 7, overdue: 3, dueToday: 1, dueSoon: 2, deemedIssued: 1, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 }]);
    expect(row("service", "scrap-metal-licence")).toEqual({ key: "scrap-metal-licence", open: 6, overdue: 3, dueToday: 0, dueSoon: 1, deemedIssued: 1, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 });
    expect(row("service", "grain-warehouse-receipts-licence")).toMatchObject({ open: 1, dueToday: 1, dueSoon: 1 });
    expect(row("variant", "REISSUE")).toMatchObject({ open: 1, overdue: 1 });
    expect(row("step", "review")).toEqual({ key: "review", open: 5, overdue: 2, dueToday: 0, dueSoon: 1, deemedIssued: 0, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 });
    expect(row("step", "hand_over")).toMatchObject({ open: 0, deemedIssued: 1, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 });
    expect(row("officer", executor.userId)).toEqual({ key: executor.userId, open: 3, overdue: 1, dueToday: 0, dueSoon: 1, deemedIssued: 0, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 });
    expect(row("officer", null)).toMatchObject({ open: 4, overdue: 2, deemedIssued: 1, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 });
    expect(d.officers[executor.userId]).toMatch(/^Тестов /);
    // The breakdown adds up to the totals.
    for (const dim of ["organisation", "service", "variant", "step", "officer"] as const) {
      expect(d.breakdown[dim].reduce((s, r) => s + r.open, 0), dim).toBe(7);
    }
  });

  it("scopes: all organisations, a region, one organisation", async () => {
    const all = await deadlineDashboard(t.db, ministry, {}, NOW);
    expect(all.totals).toEqual({ open: 9, overdue: 4, dueToday: 2, dueSoon: 3, deemedIssued: 1, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 });
    const every = await t.db.organisation.findMany({ select: { id: true } });
    const plain = await plainCounts(every.map((o) => o.id));
    expect([all.totals.open, all.totals.overdue, all.totals.dueToday]).toEqual([plain.open, plain.overdue, plain.today]);
    expect((await deadlineDashboard(t.db, atyrauRegionSup, {}, NOW)).totals).toEqual({ open: 1, overdue: 1, dueToday: 0, dueSoon: 0, deemedIssued: 0, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 });
    expect((await deadlineDashboard(t.db, astanaRegionSup, {}, NOW)).totals).toEqual({ open: 1, overdue: 0, dueToday: 1, dueSoon: 1, deemedIssued: 0, stepOverdue: 0, stepDueToday: 0, stepDueSoon: 0 });
    // A filter outside the scope shows nothing.
    expect((await deadlineDashboard(t.db, aktobeSup, { organisationId: atyrau }, NOW)).totals.open).toBe(0);
    expect((await deadlineDashboard(t.db, ministry, { organisationId: atyrau }, NOW)).totals.open).toBe(1);
    // Officers have no dashboards.
    await expect(deadlineDashboard(t.db, executor, {}, NOW)).rejects.toMatchObject({ code: "errors.not_found" });
  });

  it("lists: the oldest overdue first, keyset pages, drill-down filters", async () => {
    const p1 = await listDeadlineApplications(t.db, aktobeSup, { list: "overdue", take: 2 }, NOW);
    expect(p1.rows.map((r) => r.id)).toEqual([ids.O1, ids.O2]);
    expect(p1.next).not.toBeNull();
    const p2 = await listDeadlineApplications(t.db, aktobeSup, { list: "overdue", take: 2, after: p1.next! }, NOW);
    expect(p2.rows.map((r) => r.id)).toEqual([ids.O8]);
    expect(p2.next).toBeNull();
    expect((await listDeadlineApplications(t.db, aktobeSup, { list: "today" }, NOW)).rows.map((r) => r.id)).toEqual([ids.O3]);
    expect((await listDeadlineApplications(t.db, aktobeSup, { list: "soon" }, NOW)).rows.map((r) => r.id)).toEqual([ids.O3, ids.O4]);
    expect((await listDeadlineApplications(t.db, aktobeSup, { list: "deemed" }, NOW)).rows.map((r) => r.id)).toEqual([ids.O7]);
    const mine = await listDeadlineApplications(t.db, aktobeSup, { list: "overdue", assignee: executor.userId }, NOW);
    expect(mine.rows.map((r) => [r.id, r.assigneeName])).toEqual([[ids.O1, expect.stringMatching(/^Тестов /)]]);
    expect((await listDeadlineApplications(t.db, aktobeSup, { list: "overdue", assignee: "none" }, NOW)).rows.map((r) => r.id)).toEqual([ids.O2, ids.O8]);
    expect((await listDeadlineApplications(t.db, aktobeSup, { list: "overdue", variant: "REISSUE" }, NOW)).rows.map((r) => r.id)).toEqual([ids.O2]);
    const all = await listDeadlineApplications(t.db, ministry, { list: "overdue" }, NOW);
    expect(all.rows.map((r) => r.id)).toEqual([ids.O1, ids.X1, ids.O2, ids.O8]);
  });
});

describe("read-only application view for supervisors", () => {
  it("merges steps and audit events in time order; out of scope is not found", async () => {
    await insertStep(t.db, { applicationId: ids.O1!, seq: 1, stepKey: "register", role: "OFFICE_CLERK", startedAt: Z("2026-03-20T04:00:00"), completedAt: Z("2026-03-20T05:00:00") });
    await insertStep(t.db, { applicationId: ids.O1!, seq: 2, stepKey: "review", startedAt: Z("2026-03-20T05:00:00"), completedAt: null, assigneeId: executor.userId });
    await recordAudit(t.db, { type: "application.registered", actor: executor, at: Z("2026-03-20T05:00:00"), entityType: "Application", entityId: ids.O1!, applicationId: ids.O1!, organisationId: aktobe });
    const v = await getSupervisedApplication(t.db, aktobeSup, ids.O1!);
    expect(v.timeline.map((e) => (e.kind === "step" ? `step:${e.stepKey}` : `event:${e.type}`))).toEqual(["step:register", "event:application.registered", "step:review"]);
    expect(v.assigneeName).toMatch(/^Тестов /);
    await expect(getSupervisedApplication(t.db, aktobeSup, ids.X1!)).rejects.toMatchObject({ code: "errors.not_found" });
    await expect(getSupervisedApplication(t.db, executor, ids.O1!)).rejects.toMatchObject({ code: "errors.not_found" });
    expect((await getSupervisedApplication(t.db, ministry, ids.X1!)).id).toBe(ids.X1);
  });
});
