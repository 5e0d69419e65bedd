import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/platform/db/generated/client";
import type { Db } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";
import { listAssignedApplications, listAssigneeCandidates, listWorklist, type TWorklistQuery } from "@/lib/cases/worklist";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createOrganisation, createService, createSubject, createUser } from "../../factories";

/**
 * EXPLAIN (ANALYZE) of the worklist queries on ~200k applications inserted with generate_series:
 * the SQL is the one Prisma sends (captured from the query log), run with its parameters. Every
 * page read must come from an index in the right order (no Seq Scan, no Sort of the table).
 * `WORKLIST_EXPLAIN_ROWS` changes the size; `WORKLIST_EXPLAIN_PRINT=1` prints the plans.
 */
const N = Number(process.env.WORKLIST_EXPLAIN_ROWS ?? 200_000);
const PRINT = process.env.WORKLIST_EXPLAIN_PRINT === "1";

let t: TestDb;
let logged: PrismaClient<"query">;
let raw: pg.Client;
let captured: { query: string; params: string }[] = [];
const actors: Record<string, UserActor> = {};
let orgId = "";

type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
  "Actual Rows"?: number;
  "Index Cond"?: string;
  Filter?: string;
  "Rows Removed by Filter"?: number;
};

function nodes(n: PlanNode): PlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(nodes)];
}

function outline(n: PlanNode, depth = 0): string {
  const pad = "  ".repeat(depth);
  const on = n["Index Name"] ? ` using ${n["Index Name"]}` : n["Relation Name"] ? ` on ${n["Relation Name"]}` : "";
  const detail = [
    n["Index Cond"] ? `${pad}    index cond: ${n["Index Cond"]}` : null,
    n.Filter ? `${pad}    filter: ${n.Filter}${n["Rows Removed by Filter"] ? ` (removed ${n["Rows Removed by Filter"]})` : ""}` : null,
  ].filter(Boolean);
  const self = [`${pad}${n["Node Type"]}${on} (rows ${n["Actual Rows"]})`, ...detail].join("\n");
  return [self, ...(n.Plans ?? []).map((c) => outline(c, depth + 1))].join("\n");
}

/** Runs `fn` on the logging client and EXPLAINs every Application query it sent. */
async function explain(name: string, fn: (db: Db) => Promise<unknown>) {
  captured = [];
  await fn(logged as unknown as Db);
  const queries = captured.filter((q) => /FROM "public"\."Application"/.test(q.query));
  expect(queries.length, name).toBeGreaterThan(0);
  const plans: { plan: PlanNode; ms: number; buffers: number }[] = [];
  for (const q of queries) {
    const res = await raw.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.query}`, JSON.parse(q.params) as unknown[]);
    const top = (res.rows[0] as { "QUERY PLAN": [{ Plan: PlanNode & { "Shared Hit Blocks"?: number; "Shared Read Blocks"?: number }; "Execution Time": number }] })["QUERY PLAN"][0];
    plans.push({ plan: top.Plan, ms: top["Execution Time"], buffers: (top.Plan["Shared Hit Blocks"] ?? 0) + (top.Plan["Shared Read Blocks"] ?? 0) });
    if (PRINT) console.log(`\n## ${name} — ${top["Execution Time"].toFixed(2)} ms, ${plans.at(-1)!.buffers} buffers\n${outline(top.Plan)}`);
  }
  return plans;
}

/** The worklist's ordered indexes (any of them serves an ordered page). */
// (organisation, role, service, due, id) is cut by PostgreSQL's 63-character limit to "…_stepDueAt_i_idx".
const WORKLIST_INDEXES = /Application_(organisationId_stepRole|assigneeId|organisationId_status)_(stepDueAt_id|serviceCode_stepDueAt_i)_idx/;

/**
 * Every read of Application goes through an index (no Seq Scan), one of them `index`; with
 * `ordered` the page comes out of the index in order (no Sort node at all).
 */
function expectIndexPlan(plans: { plan: PlanNode }[], o: { index?: RegExp; ordered?: boolean } = {}) {
  for (const { plan } of plans) {
    const all = nodes(plan);
    expect(all.some((n) => n["Node Type"] === "Seq Scan"), outline(plan)).toBe(false);
    expect(all.some((n) => /Index/.test(n["Node Type"]) && (o.index ?? WORKLIST_INDEXES).test(n["Index Name"] ?? "")), outline(plan)).toBe(true);
    if (o.ordered) expect(all.some((n) => n["Node Type"] === "Sort"), outline(plan)).toBe(false);
  }
}

const pageBuffers = (plans: { buffers: number }[]) => plans.reduce((s, p) => s + p.buffers, 0);

beforeAll(async () => {
  t = await createTestDb();
  await createService(t.db);
  await createService(t.db, "poisons-licence");
  const orgs = [await createOrganisation(t.db), await createOrganisation(t.db), await createOrganisation(t.db), await createOrganisation(t.db)];
  orgId = orgs[1]!.id;
  const subject = await createSubject(t.db);
  const applicant = (await createUser(t.db, "APPLICANT", { subjectId: subject.id })).actor;
  for (const o of orgs) {
    for (const role of ["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD"] as const) {
      const a = (await createUser(t.db, role, { organisationId: o.id })).actor;
      if (o.id === orgId) actors[role] = a;
    }
    for (let k = 0; k < 5; k++) {
      const a = (await createUser(t.db, "EXECUTOR", { organisationId: o.id })).actor;
      if (o.id === orgId && k === 0) actors.EXECUTOR = a;
    }
  }
  await t.db.$executeRawUnsafe(`
    with o as (select id, row_number() over (order by id) - 1 as n from "Organisation"),
    e as (select id, "organisationId", row_number() over (partition by "organisationId" order by id) - 1 as k from "User" where role = 'EXECUTOR'),
    -- Independent spreads: organisation i % 4, role (i / 4) % 5, status (i / 20) % 10, executor (i / 200) % 5, service (i / 1000) % 5.
    g as (select i, (i / 20) % 10 as s from generate_series(1, ${N}) i)
    insert into "Application"(id, "registrationNumber", "serviceCode", variant, status, "organisationId", "subjectId", "applicantName", "applicantIdentifier",
      "createdById", "stepKey", "stepRole", "assigneeId", "stepStartedAt", "stepDueAt", "submittedAt", "updatedAt")
    select gen_random_uuid(), 'EL-2026-' || lpad(g.i::text, 7, '0'),
      case when (g.i / 1000) % 5 = 0 then 'poisons-licence' else 'scrap-metal-licence' end,
      (array['ISSUE','REISSUE','DUPLICATE'])[1 + g.i % 3]::"Variant",
      (case when g.s < 6 then 'IN_PROGRESS' when g.s < 8 then 'ISSUED' when g.s = 8 then 'SUSPENDED' else 'SUBMITTED' end)::"ApplicationStatus",
      o.id, '${subject.id}', 'ТОО Тест ' || (g.i % 5000), lpad((g.i % 100000)::text, 12, '0'), '${applicant.userId}',
      (array['register','assign_executor','review','sign','hand_over'])[1 + (g.i / 4) % 5],
      case when g.s in (6, 7) then null else (array['OFFICE_CLERK','HEAD','DEPUTY_HEAD','DEPARTMENT_HEAD','EXECUTOR'])[1 + (g.i / 4) % 5]::"Role" end,
      case when g.s in (6, 7) or (g.i / 4) % 5 <> 4 then null else (select e.id from e where e."organisationId" = o.id and e.k = (g.i / 200) % 5) end,
      timestamp '2026-01-01' + (g.i % 300) * interval '1 day',
      case when g.s in (6, 7) then null
        -- Half end at a closing time shared by many (a working-day term started the same day): large ties.
        when g.i % 2 = 0 then timestamp '2026-01-05 13:30' + ((g.i / 40) % 30) * interval '1 day'
        else timestamp '2026-01-01' + (g.i % 300) * interval '1 day' + ((g.i * 7) % 600) * interval '1 minute' end,
      timestamp '2026-01-01' + (g.i % 300) * interval '1 day', now()
    from g join o on o.n = g.i % 4`);
  await t.db.$executeRawUnsafe(`analyze "Application"`);
  await t.db.$executeRawUnsafe(`analyze "User"`);

  logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url }), log: [{ emit: "event", level: "query" }] });
  logged.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  raw = new pg.Client({ connectionString: t.url });
  await raw.connect();
}, 300_000);

afterAll(async () => {
  await raw?.end();
  await logged?.$disconnect();
  await t.drop();
});

const ORG_ROLE = /Application_organisationId_stepRole_stepDueAt_id_idx/;
const ASSIGNEE = /Application_assigneeId_stepDueAt_id_idx/;

async function deepCursor(actor: UserActor, pages: number, query: TWorklistQuery = {}): Promise<string> {
  let after: string | undefined;
  for (let i = 0; i < pages; i++) after = (await listWorklist(t.db, actor, { ...query, after })).next ?? undefined;
  return after!;
}

describe(`worklist query plans on ${N.toLocaleString("en")} applications`, () => {
  it("has the expected data", async () => {
    expect(await t.db.application.count()).toBe(N);
  });

  for (const role of ["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD"] as const) {
    it(`${role}: first and a deep page (keyset) read the (organisationId, stepRole, stepDueAt, id) index in order`, async () => {
      const actor = actors[role]!;
      const first = await explain(`${role} first page`, (db) => listWorklist(db, actor, {}));
      expectIndexPlan(first, { index: ORG_ROLE, ordered: true });
      const after = await deepCursor(actor, 40);
      const deep = await explain(`${role} page 41`, (db) => listWorklist(db, actor, { after }));
      expectIndexPlan(deep, { index: ORG_ROLE });
      // A deep page reads about one page of index entries and rows, not the 1,000 rows before it.
      expect(pageBuffers(deep)).toBeLessThan(3 * pageBuffers(first) + 30);
    });
  }

  it("EXECUTOR: first and deep page read the (assigneeId, stepDueAt, id) index in order", async () => {
    const actor = actors.EXECUTOR!;
    const first = await explain("EXECUTOR first page", (db) => listWorklist(db, actor, {}));
    expectIndexPlan(first, { index: ASSIGNEE, ordered: true });
    const after = await deepCursor(actor, 20);
    const deep = await explain("EXECUTOR page 21", (db) => listWorklist(db, actor, { after }));
    expectIndexPlan(deep, { index: ASSIGNEE });
    expect(pageBuffers(deep)).toBeLessThan(3 * pageBuffers(first) + 30);
  });

  it("filters keep an index plan (service, variant, step, queue, status, due range, name)", async () => {
    const head = actors.HEAD!;
    const cases: [string, TWorklistQuery][] = [
      ["service", { service: "poisons-licence" }],
      ["variant", { variant: "reissue" }],
      ["step", { step: "sign" }],
      ["queue", { queue: "assign" }],
      ["status SUSPENDED", { status: "SUSPENDED" }],
      ["due range", { dueFrom: "2026-06-01", dueTo: "2026-06-10" }],
      ["applicant name", { applicant: "тест 4242" }],
    ];
    // A filter outside the index is checked on the (organisation, role) range: open applications only.
    for (const [name, q] of cases) expectIndexPlan(await explain(`HEAD filter ${name}`, (db) => listWorklist(db, head, q)));
  });

  it("exact look-ups use their own unique or identifier index", async () => {
    const head = actors.HEAD!;
    for (const [name, q] of [
      ["applicant BIN", { applicant: "000000004242" }],
      ["registration number", { number: "EL-2026-0004242" }],
    ] as [string, TWorklistQuery][]) {
      const plans = await explain(`HEAD ${name}`, (db) => listWorklist(db, head, q));
      for (const { plan } of plans) {
        const all = nodes(plan);
        expect(all.some((n) => n["Node Type"] === "Seq Scan"), outline(plan)).toBe(false);
        expect(all.some((n) => /Index/.test(n["Node Type"])), outline(plan)).toBe(true);
      }
    }
  });

  it("candidate loads and an executor's list for reassignment use the assignee index", async () => {
    const head = actors.HEAD!;
    const loads = await explain("candidate loads (grouped)", (db) => listAssigneeCandidates(db, head, "EXECUTOR"));
    for (const { plan } of loads) expect(nodes(plan).some((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "Application"), outline(plan)).toBe(false);
    const list = await explain("assigned to an executor", (db) => listAssignedApplications(db, head, actors.EXECUTOR!.userId));
    for (const { plan } of list) expect(nodes(plan).some((n) => /Index/.test(n["Node Type"]) && ASSIGNEE.test(n["Index Name"] ?? "")), outline(plan)).toBe(true);
  });
});
