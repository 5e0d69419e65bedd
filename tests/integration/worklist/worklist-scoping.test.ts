import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listWorklist, WORKLIST_PAGE_SIZE } from "@/lib/cases/worklist";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createOrganisation, createService } from "../../factories";
import { openApplication, staffOf } from "./helpers";

let t: TestDb;
let orgA: string, orgB: string;
let a: Awaited<ReturnType<typeof staffOf>>, b: Awaited<ReturnType<typeof staffOf>>;

const t0 = Date.UTC(2026, 11, 1, 5, 0); // Tuesday 1 December 2026, 10:00 Almaty
const at = (minutes: number) => new Date(t0 + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDb();
  await createService(t.db);
  orgA = (await createOrganisation(t.db)).id;
  orgB = (await createOrganisation(t.db)).id;
  a = await staffOf(t.db, orgA);
  b = await staffOf(t.db, orgB);
});
afterAll(async () => {
  await t.drop();
});

const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id);

describe("worklist scoping per role", () => {
  it("each role sees its own steps of its own organisation; another organisation is never visible", async () => {
    const base = { organisationId: orgA, subjectId: a.subject.id, createdById: a.applicant.userId };
    const incoming = await openApplication(t.db, { ...base, status: "SUBMITTED", stepRole: "OFFICE_CLERK", stepKey: "register", stepDueAt: at(10) });
    const toAssign = await openApplication(t.db, { ...base, stepRole: "HEAD", stepKey: "assign_executor", stepDueAt: at(20) });
    const toSign = await openApplication(t.db, { ...base, stepRole: "HEAD", stepKey: "sign", stepDueAt: at(30) });
    const toDeputy = await openApplication(t.db, { ...base, stepRole: "DEPUTY_HEAD", stepKey: "assign_department_head", assigneeId: a.deputy.userId, stepDueAt: at(40) });
    const toDepartment = await openApplication(t.db, { ...base, stepRole: "DEPARTMENT_HEAD", stepKey: "assign_executor", assigneeId: a.department.userId, stepDueAt: at(50) });
    const mine = await openApplication(t.db, { ...base, stepRole: "EXECUTOR", stepKey: "check_completeness", assigneeId: a.executor.userId, stepDueAt: at(60) });
    const colleague = await openApplication(t.db, { ...base, stepRole: "EXECUTOR", stepKey: "check_completeness", assigneeId: a.executor2.userId, stepDueAt: at(70) });
    const handOver = await openApplication(t.db, { ...base, stepRole: "OFFICE_CLERK", stepKey: "hand_over", stepDueAt: at(80) });
    const closed = await openApplication(t.db, { ...base, status: "ISSUED", stepRole: "OFFICE_CLERK", stepKey: "hand_over", stepDueAt: at(5) });
    // Organisation B has one of everything too.
    const bBase = { organisationId: orgB, subjectId: b.subject.id, createdById: b.applicant.userId };
    const others = await Promise.all(
      (["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR"] as const).map((r) =>
        openApplication(t.db, { ...bBase, stepRole: r, stepDueAt: at(1), assigneeId: r === "EXECUTOR" ? b.executor.userId : null }),
      ),
    );
    // A foreign executor id on an A application must not leak to B's executor either.
    const leak = await openApplication(t.db, { ...base, stepRole: "EXECUTOR", assigneeId: b.executor.userId, stepDueAt: at(2) });

    expect(ids(await listWorklist(t.db, a.clerk, {}))).toEqual([incoming.id, handOver.id]);
    expect(ids(await listWorklist(t.db, a.clerk, { queue: "register" }))).toEqual([incoming.id]);
    expect(ids(await listWorklist(t.db, a.clerk, { queue: "hand_over" }))).toEqual([handOver.id]);
    expect(ids(await listWorklist(t.db, a.head, {}))).toEqual([toAssign.id, toSign.id]);
    expect(ids(await listWorklist(t.db, a.head, { queue: "sign" }))).toEqual([toSign.id]);
    expect(ids(await listWorklist(t.db, a.deputy, {}))).toEqual([toDeputy.id]);
    expect(ids(await listWorklist(t.db, a.department, {}))).toEqual([toDepartment.id]);
    expect(ids(await listWorklist(t.db, a.executor, {}))).toEqual([mine.id]);
    expect(ids(await listWorklist(t.db, a.executor2, {}))).toEqual([colleague.id]);
    expect(ids(await listWorklist(t.db, b.executor, {}))).toEqual([others[4]!.id]);
    for (const actor of [a.clerk, a.head, a.deputy, a.department, a.executor, a.executor2]) {
      const seen = ids(await listWorklist(t.db, actor, {}));
      expect(seen).not.toContain(closed.id);
      expect(seen).not.toContain(leak.id);
      for (const o of others) expect(seen).not.toContain(o.id);
    }
  });

  it("a deputy head does not see an application whose resolution named another deputy", async () => {
    const deputy2 = (await staffOf(t.db, orgA)).deputy;
    const app = await openApplication(t.db, { organisationId: orgA, subjectId: a.subject.id, createdById: a.applicant.userId, stepRole: "DEPUTY_HEAD", assigneeId: deputy2.userId });
    expect(ids(await listWorklist(t.db, a.deputy, {}))).not.toContain(app.id);
    expect(ids(await listWorklist(t.db, deputy2, {}))).toContain(app.id);
  });
});

describe("worklist ordering and keyset pages", () => {
  it("soonest first; equal due instants are ordered by id and pages never repeat or skip a row; no due instant last", async () => {
    const org = (await createOrganisation(t.db)).id;
    const s = await staffOf(t.db, org);
    const base = { organisationId: org, subjectId: s.subject.id, createdById: s.applicant.userId, stepRole: "HEAD" as const };
    const created: { id: string; due: number | null }[] = [];
    // 3 distinct instants × 20 rows each (ties across page boundaries), inserted out of order, plus 7 without a due instant.
    for (const m of [120, 0, 60]) {
      for (let i = 0; i < 20; i++) created.push({ id: (await openApplication(t.db, { ...base, stepDueAt: at(m) })).id, due: at(m).getTime() });
    }
    for (let i = 0; i < 7; i++) created.push({ id: (await openApplication(t.db, { ...base, stepDueAt: null })).id, due: null });
    const expected = [...created]
      .sort((x, y) => (x.due ?? Infinity) - (y.due ?? Infinity) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .map((x) => x.id);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listWorklist(t.db, s.head, { after });
      expect(page.rows.length).toBeLessThanOrEqual(WORKLIST_PAGE_SIZE);
      seen.push(...ids(page));
      after = page.next ?? undefined;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);

    // Smaller pages cross the tie groups and the null boundary at different places.
    const small: string[] = [];
    after = undefined;
    do {
      const page = await listWorklist(t.db, s.head, { after }, { pageSize: 7 });
      small.push(...ids(page));
      after = page.next ?? undefined;
    } while (after);
    expect(small).toEqual(expected);
  });

  it("a row inserted before the cursor does not shift the next page (keyset, not offset)", async () => {
    const org = (await createOrganisation(t.db)).id;
    const s = await staffOf(t.db, org);
    const base = { organisationId: org, subjectId: s.subject.id, createdById: s.applicant.userId, stepRole: "OFFICE_CLERK" as const };
    for (let i = 0; i < 6; i++) await openApplication(t.db, { ...base, stepDueAt: at(100 + i) });
    const first = await listWorklist(t.db, s.clerk, {}, { pageSize: 3 });
    await openApplication(t.db, { ...base, stepDueAt: at(0) });
    const second = await listWorklist(t.db, s.clerk, { after: first.next! }, { pageSize: 3 });
    expect(second.rows.map((r) => r.stepDueAt!.getTime())).toEqual([at(103), at(104), at(105)].map((d) => d.getTime()));
    expect(second.next).toBeNull();
  });

  it("gives each row a countdown on the organisation calendar when `now` is passed", async () => {
    const org = (await createOrganisation(t.db)).id; // factory hours: 09:00–18:00, break 13:00–14:00
    const s = await staffOf(t.db, org);
    const base = { organisationId: org, subjectId: s.subject.id, createdById: s.applicant.userId, stepRole: "HEAD" as const };
    const now = at(0); // Tue 10:00
    await openApplication(t.db, { ...base, stepDueAt: new Date(Date.UTC(2026, 11, 1, 7, 15)) }); // 12:15 → 2 h 15 min
    await openApplication(t.db, { ...base, stepDueAt: new Date(Date.UTC(2026, 11, 4, 13, 0)) }); // Fri 18:00 → 3 days 7 h
    await openApplication(t.db, { ...base, stepDueAt: new Date(Date.UTC(2026, 10, 30, 5, 0)) }); // Mon 10:00 → overdue 8 h = 1 day
    const { rows } = await listWorklist(t.db, s.head, {}, { now });
    expect(rows.map((r) => r.countdown)).toEqual([
      { level: "overdue", workingMinutes: 480, days: 1, hours: 0, minutes: 0 },
      { level: "on_time", workingMinutes: 135, days: 0, hours: 2, minutes: 15 },
      { level: "on_time", workingMinutes: 3 * 480 + 7 * 60, days: 3, hours: 7, minutes: 0 },
    ]);
    const soon = await listWorklist(t.db, s.head, {}, { now: new Date(Date.UTC(2026, 11, 1, 6, 0)) });
    expect(soon.rows[1]!.countdown).toMatchObject({ level: "due_soon", hours: 1, minutes: 15 });
  });
});
