// The living demo (issue 11): after the caseload is loaded, the officers of the README tour have
// work in their worklists, the ministry supervisor sees overdue and due-today counts and a value
// for every quality indicator, and a second load adds nothing. A reduced scale keeps it quick;
// the full caseload has the same shape (every step of every chain, the same mix of outcomes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listWorklist } from "@/lib/cases/worklist";
import { deadlineDashboard, INDICATOR_KEYS, qualityIndicators } from "@/lib/oversight/metrics";
import { sessionUserSelect, toSessionUser, type UserActor } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { seedDemoAccounts } from "../../../prisma/seed/demo-accounts";
import { seedDemoCertificates } from "../../../prisma/seed/demo-certificates";
import { CASELOAD_SETTING, loadDemoCaseload } from "../../../prisma/seed/demo-caseload";

let t: TestDb;
// A Monday morning in Almaty: the caseload is laid out relative to it.
const now = new Date("2026-12-07T05:00:00Z");
const SCALE = Number(process.env.DEMO_CASELOAD_TEST_SCALE ?? 0.4);
let first: Awaited<ReturnType<typeof loadDemoCaseload>>;

async function actor(login: string): Promise<UserActor> {
  const u = await t.db.user.findUniqueOrThrow({ where: { login }, select: sessionUserSelect });
  const { locale: _l, ...s } = toSessionUser(u);
  return { kind: "user", ...s };
}

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  await seedDemoAccounts(t.db);
  await seedDemoCertificates(t.db, { now });
  first = await loadDemoCaseload(t.db, { now, scale: SCALE, log: (m) => console.log(m) });
}, 900_000);
afterAll(async () => {
  await t.drop();
});

describe("demo caseload", () => {
  it("loads applications in the four regional bodies and the Committee, in several services", async () => {
    expect(first.loaded).toBe(true);
    const byOrg = await t.db.application.groupBy({ by: ["organisationId"], _count: true });
    expect(byOrg.length).toBeGreaterThanOrEqual(5);
    const services = await t.db.application.groupBy({ by: ["serviceCode"], _count: true });
    expect(services.length).toBeGreaterThanOrEqual(5);
    const statuses = new Set((await t.db.application.groupBy({ by: ["status"], _count: true })).map((s) => s.status));
    for (const s of ["SUBMITTED", "IN_PROGRESS", "ISSUED", "REFUSED", "DEEMED_ISSUED"]) expect(statuses).toContain(s);
    expect(await t.db.licence.count({ where: { application: { variant: "REISSUE" } } })).toBeGreaterThan(0);
    expect(await t.db.licence.count({ where: { status: "SUSPENDED" } })).toBeGreaterThan(0);
    expect(await t.db.signature.count({ where: { purpose: "DECISION", status: "valid" } })).toBeGreaterThan(0);
    expect(await t.db.signature.count({ where: { purpose: "REQUEST", status: "valid" } })).toBe(await t.db.application.count({ where: { channel: "PORTAL" } }));
    expect(await t.db.complaint.count()).toBeGreaterThan(0);
    expect(await t.db.surveyResponse.count()).toBeGreaterThan(0);
    expect(await t.db.notification.count()).toBeGreaterThan(0);
  });

  it("gives the officers of the tour a non-empty worklist", async () => {
    for (const login of ["aktobe.clerk", "aktobe.head", "aktobe.executor", "eko.deputy", "committee.executor"]) {
      const { rows } = await listWorklist(t.db, await actor(login), {}, { now });
      expect(rows.length, login).toBeGreaterThan(0);
    }
  });

  it("shows the ministry supervisor overdue and due-today counts and a value for every indicator", async () => {
    const supervisor = await actor("ministry.supervisor");
    const dash = await deadlineDashboard(t.db, supervisor, {}, now);
    expect(dash.totals.overdue).toBeGreaterThan(0);
    expect(dash.totals.dueToday).toBeGreaterThan(0);
    for (const period of ["month", "year"] as const) {
      const q = await qualityIndicators(t.db, supervisor, { period }, now);
      for (const k of INDICATOR_KEYS) expect(q.totals[k].value, `${period} ${k}`).not.toBeNull();
    }
  });

  it("a second load adds nothing", async () => {
    const counts = async () => [await t.db.application.count(), await t.db.licence.count(), await t.db.complaint.count(), await t.db.auditEvent.count()];
    const before = await counts();
    const again = await loadDemoCaseload(t.db, { now: new Date(now.getTime() + 3_600_000), scale: SCALE });
    expect(again.loaded).toBe(false);
    expect(await counts()).toEqual(before);
    expect(await t.db.setting.findUnique({ where: { key: CASELOAD_SETTING } })).toMatchObject({ value: { state: "done" } });
  });
});
