/**
 * Dashboard query benchmark (npm run bench:dashboard). Creates its own database on
 * BENCH_DATABASE_URL (unset: the embedded PostgreSQL, like npm start), migrates it, loads
 * the reference data, inserts BENCH_ROWS (default 1,000,000) applications over two years with
 * steps, survey answers, complaints and audit events using set-based generate_series SQL, then
 * times every dashboard panel through the same lib/ functions the pages call, for a one-year
 * period over all organisations (and, for comparison, one organisation). Prints p50/p95 and drops
 * the database at the end (BENCH_KEEP=1 keeps it). Target: p95 < 200 ms per panel.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { UserActor } from "@/lib/platform/auth";
import { listComplaintQueue } from "@/lib/oversight/complaints";
import { createDb, type Db } from "@/lib/platform/db";
import { getOrganisations } from "@/lib/law/organisations";
import { deadlineDashboard, indicatorTrend, listAuditEvents, listDeadlineApplications, qualityIndicators, rebuildMetricSummaries, stepDurations } from "@/lib/oversight/metrics";
import { seedCalendarYears, syncCatalogueAndOrganisations, syncRegulations } from "../../prisma/seed/reference-data";
import { benchServer } from "./bench-server";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARMUP = 3;
const TARGET_MS = 200;
/** Wednesday 1 July 2026, 11:00 in Almaty: "now" of the dashboards; data covers the two years before. */
const NOW = new Date("2026-07-01T06:00:00Z");
const YEAR = { period: "custom" as const, from: "2025-07-01", to: "2026-06-30" };

// BENCH_DATABASE_URL, else the embedded PostgreSQL (set in main, before anything connects).
let baseUrl = process.env.BENCH_DATABASE_URL ?? "";
const dbName = `elicense_bench_${process.pid}`;
const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
let benchUrl = "";

function log(msg: string) {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
}

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: withDb(baseUrl, "postgres") });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

const sqlList = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]::text[]`;

/** Set-based data: one INSERT … SELECT per table, random but seeded (setseed) distributions. */
async function generate(c: pg.Client) {
  const orgs = getOrganisations();
  const ids = new Map((await c.query<{ id: string; code: string }>(`SELECT id, code FROM "Organisation"`)).rows.map((r) => [r.code, r.id]));
  const committee = orgs.find((o) => o.kind === "committee")!;
  const regional = orgs.filter((o) => o.kind === "regional");
  const orgArray = sqlList([committee, ...regional].map((o) => ids.get(o.code)!));

  // Bulk load: the summary triggers are skipped for this session; rebuildMetricSummaries runs after it.
  await c.query(`SET metrics.skip_summaries = 'on'`);
  await c.query(`INSERT INTO "Subject" (id, kind, identifier, name, "updatedAt") VALUES ('bench-subject', 'LEGAL_ENTITY', '990440000018', 'ТОО «Бенчмарк»', now())`);
  await c.query(`INSERT INTO "User" (id, login, "passwordHash", role, surname, "givenName", "subjectId", "updatedAt") VALUES ('bench-applicant', 'bench-applicant', 'x', 'APPLICANT', 'Бенч', 'Өтініш', 'bench-subject', now())`);
  // Five executors per organisation, numbered 0..4 inside it.
  await c.query(`
    INSERT INTO "User" (id, login, "passwordHash", role, surname, "givenName", "organisationId", "updatedAt")
    SELECT 'bench-exec-' || o.n || '-' || e, 'bench-exec-' || o.n || '-' || e, 'x', 'EXECUTOR', 'Орындаушы' || e, o.code, o.id, now()
      FROM (SELECT id, code, (array_position(${orgArray}, id) - 1) AS n FROM "Organisation") o, generate_series(0, 4) e`);

  await c.query(`SELECT setseed(0.2026)`);
  const committeeServices = sqlList(committee.services);
  const start = new Date(NOW.getTime() - 730 * 86_400_000).toISOString();
  // Committee 25 % of the traffic, the 16 regional bodies share the rest; regional services:
  // scrap metal 70 %, grain 30 %. Submitted uniformly over two years; due 21 calendar days later
  // (≈ 15 working days) at 18:00 local. Recent cases are mostly open; older ones mostly closed.
  await timed(`applications (${ROWS.toLocaleString("en")})`, () =>
    c.query(`
    INSERT INTO "Application" (id, "registrationNumber", "serviceCode", variant, status, "organisationId", "subjectId", "applicantName", "applicantIdentifier",
                               "createdById", "stepKey", "stepRole", "assigneeId", "submittedAt", "registeredAt", "dueAt", "closedAt", "deemedIssuedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text,
           CASE WHEN st = 'DRAFT' THEN NULL ELSE 'B-' || g END,
           svc, var::"Variant", st::"ApplicationStatus", org, 'bench-subject', 'ТОО «Бенчмарк»', '990440000018', 'bench-applicant',
           CASE WHEN st IN ('SUBMITTED') THEN 'register' WHEN st IN ('IN_PROGRESS', 'SUSPENDED') THEN stp WHEN st = 'DEEMED_ISSUED' THEN 'hand_over' END,
           (CASE WHEN st IN ('SUBMITTED') THEN 'OFFICE_CLERK' WHEN st IN ('IN_PROGRESS', 'SUSPENDED') THEN (CASE stp WHEN 'review' THEN 'EXECUTOR' WHEN 'hand_over' THEN 'OFFICE_CLERK' ELSE 'HEAD' END) WHEN st = 'DEEMED_ISSUED' THEN 'OFFICE_CLERK' END)::"Role",
           CASE WHEN st IN ('IN_PROGRESS', 'SUSPENDED') AND stp IN ('review', 'sign') THEN 'bench-exec-' || orgn || '-' || floor(r_exec * 5)::int END,
           CASE WHEN st = 'DRAFT' THEN NULL ELSE sub END,
           CASE WHEN st IN ('DRAFT', 'SUBMITTED') THEN NULL ELSE sub + interval '3 hours' END,
           CASE WHEN st = 'DRAFT' THEN NULL ELSE due END,
           CASE WHEN st IN ('ISSUED', 'REFUSED') AND deemed THEN due + interval '3 days'
                WHEN st IN ('ISSUED', 'REFUSED') THEN sub + (LEAST('${NOW.toISOString()}'::timestamp, sub + interval '28 days') - sub) * r_dur
                WHEN st = 'WITHDRAWN' THEN sub + interval '5 days' * r_dur END,
           CASE WHEN st = 'DEEMED_ISSUED' OR deemed THEN due END,
           sub - interval '1 hour', sub
      FROM (
        SELECT g, org, orgn, svc, var, sub, due, r_dur, r_exec, stp,
               CASE WHEN recent THEN (CASE WHEN r_st < 0.10 THEN 'SUBMITTED' WHEN r_st < 0.85 THEN 'IN_PROGRESS' WHEN r_st < 0.90 THEN 'SUSPENDED' WHEN r_st < 0.97 THEN 'ISSUED' ELSE 'REFUSED' END)
                    ELSE (CASE WHEN r_st < 0.80 THEN 'ISSUED' WHEN r_st < 0.92 THEN 'REFUSED' WHEN r_st < 0.95 THEN 'WITHDRAWN' WHEN r_st < 0.965 THEN 'DEEMED_ISSUED' WHEN r_st < 0.97 THEN 'ISSUED'
                               WHEN r_st < 0.975 THEN 'IN_PROGRESS' ELSE 'DRAFT' END) END AS st,
               (NOT recent AND r_st >= 0.965 AND r_st < 0.97) AS deemed
          FROM (
            SELECT g, r_st, r_dur, r_exec,
                   (${orgArray})[oi + 1] AS org, oi AS orgn,
                   CASE WHEN oi = 0 THEN (${committeeServices})[1 + floor(r_svc * ${committee.services.length})::int]
                        WHEN r_svc < 0.7 THEN 'scrap-metal-licence' ELSE 'grain-warehouse-receipts-licence' END AS svc,
                   CASE WHEN r_var < 0.65 THEN 'ISSUE' WHEN r_var < 0.85 THEN 'REISSUE' ELSE 'DUPLICATE' END AS var,
                   sub, date_trunc('day', sub + interval '21 days') + interval '13 hours' AS due,
                   sub > '${NOW.toISOString()}'::timestamp - interval '25 days' AS recent,
                   CASE WHEN r_stp < 0.1 THEN 'register' WHEN r_stp < 0.2 THEN 'assign_executor' WHEN r_stp < 0.8 THEN 'review' WHEN r_stp < 0.95 THEN 'sign' ELSE 'hand_over' END AS stp
              FROM (
                SELECT g, random() AS r_st, random() AS r_dur, random() AS r_exec, random() AS r_svc, random() AS r_var, random() AS r_stp,
                       CASE WHEN r_org < 0.25 THEN 0 ELSE 1 + floor((r_org - 0.25) / 0.75 * ${regional.length})::int END AS oi,
                       '${start}'::timestamp + interval '730 days' * random() AS sub
                  FROM (SELECT g, random() AS r_org FROM generate_series(1, ${ROWS}) g) s0
              ) s1
          ) s2
      ) s3
     ORDER BY s3.sub`),
  );

  // Steps: five per closed case spread over its duration (jittered), up to the current one for open
  // cases (the current step has no completedAt), one cancelled step for withdrawals.
  await timed("steps", () =>
    c.query(`
    INSERT INTO "ApplicationStep" (id, "applicationId", seq, "stepKey", role, "assigneeId", "startedAt", "dueAt", "completedAt", outcome)
    SELECT gen_random_uuid()::text, a.id, s.seq, s.key, s.role::"Role", CASE WHEN s.key IN ('review', 'sign') THEN a."assigneeId" END,
           a."submittedAt" + span * s.f0,
           a."submittedAt" + interval '21 days' * s.f1,
           CASE WHEN a.status = 'WITHDRAWN' THEN a."closedAt"
                WHEN a.status IN ('ISSUED', 'REFUSED') OR s.seq < cur THEN a."submittedAt" + span * (s.f0 + (s.f1 - s.f0) * (0.6 + 0.8 * random())) END,
           CASE WHEN a.status = 'WITHDRAWN' THEN 'cancelled_withdrawn' WHEN a.status IN ('ISSUED', 'REFUSED') OR s.seq < cur THEN 'done' END
      FROM (
        SELECT a.*, COALESCE(a."closedAt", '${NOW.toISOString()}'::timestamp) - a."submittedAt" AS span,
               CASE a."stepKey" WHEN 'register' THEN 1 WHEN 'assign_executor' THEN 2 WHEN 'review' THEN 3 WHEN 'sign' THEN 4 WHEN 'hand_over' THEN 5 ELSE 6 END AS cur
          FROM "Application" a WHERE a.status <> 'DRAFT'
      ) a
      CROSS JOIN (VALUES (1, 'register', 'OFFICE_CLERK', 0.0, 0.05), (2, 'assign_executor', 'HEAD', 0.05, 0.15), (3, 'review', 'EXECUTOR', 0.15, 0.75),
                         (4, 'sign', 'HEAD', 0.75, 0.9), (5, 'hand_over', 'OFFICE_CLERK', 0.9, 1.0)) s(seq, key, role, f0, f1)
     WHERE (a.status IN ('ISSUED', 'REFUSED') OR (a.status = 'WITHDRAWN' AND s.seq = 1) OR (a.status NOT IN ('ISSUED', 'REFUSED', 'WITHDRAWN') AND s.seq <= a.cur))
     ORDER BY a."submittedAt" + span * s.f0`),
  );

  // Survey: 30 % of the cases with a result answer (Q1: 70 % satisfied, 20 % partially …).
  await timed("survey answers", () =>
    c.query(`
    INSERT INTO "SurveyResponse" (id, "applicationId", "organisationId", "serviceCode", "q1Process", "q2Information", "q3Courtesy", "q4Appeal", "createdAt")
    SELECT gen_random_uuid()::text, a.id, a."organisationId", a."serviceCode",
           CASE WHEN r1 < 0.7 THEN 3 WHEN r1 < 0.9 THEN 2 ELSE 1 END,
           CASE WHEN r2 < 0.75 THEN 3 WHEN r2 < 0.92 THEN 2 ELSE 1 END,
           CASE WHEN r3 < 0.85 THEN 3 WHEN r3 < 0.95 THEN 2 ELSE 1 END,
           CASE WHEN r4 < 0.05 THEN 3 WHEN r4 < 0.08 THEN 1 END,
           COALESCE(a."closedAt", a."deemedIssuedAt") + interval '1 day'
      FROM (SELECT a.*, random() AS r0, random() AS r1, random() AS r2, random() AS r3, random() AS r4 FROM "Application" a WHERE a.status IN ('ISSUED', 'REFUSED', 'DEEMED_ISSUED')) a
     WHERE r0 < 0.3
     ORDER BY 9`),
  );

  await timed("complaints", () =>
    c.query(`
    INSERT INTO "Complaint" (id, "ticketNumber", "subjectId", "organisationId", "applicationId", kind, addressee, "fullName", "postalAddress", body, demands, status, "acceptedAt", "dueAt", "answeredAt", satisfied)
    SELECT gen_random_uuid()::text, 'C-B-' || row_number() OVER (), a."subjectId", a."organisationId", a.id, 'IMPROPER_SERVICE', 'Head', 'Бенч', 'Астана', 'reasons', 'demands',
           (CASE WHEN acc > '${NOW.toISOString()}'::timestamp - interval '20 days' THEN 'REGISTERED' ELSE 'ANSWERED' END)::"ComplaintStatus",
           acc, acc + interval '21 days',
           CASE WHEN acc <= '${NOW.toISOString()}'::timestamp - interval '20 days' THEN acc + interval '14 days' END,
           CASE WHEN acc <= '${NOW.toISOString()}'::timestamp - interval '20 days' AND random() < 0.6 THEN 1 + floor(random() * 3)::int END
      FROM (SELECT a.*, a."closedAt" + interval '2 days' AS acc FROM "Application" a WHERE a.status IN ('ISSUED', 'REFUSED') AND random() < 0.005) a`),
  );

  // Audit: submission and registration of every submitted case, the closing of closed ones (~2.8 M rows).
  await timed("audit events", () =>
    c.query(`
    INSERT INTO "AuditEvent" (at, type, "actorId", "actorRole", "actorName", "entityType", "entityId", "applicationId", "organisationId", data)
    SELECT e.at, e.type, NULL, e.role, NULL, 'Application', a.id, a.id, a."organisationId", '{}'::jsonb
      FROM "Application" a
      CROSS JOIN LATERAL (VALUES (a."submittedAt", 'application.submitted', 'APPLICANT'), (a."registeredAt", 'application.registered', 'OFFICE_CLERK'),
                                 (a."closedAt", 'application.handed_over', 'OFFICE_CLERK')) e(at, type, role)
     WHERE e.at IS NOT NULL
     ORDER BY e.at`),
  );
  await timed("vacuum analyze", () => c.query(`VACUUM ANALYZE`));
}

type Panel = { name: string; run: () => Promise<unknown> };

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

async function measure(panels: Panel[]) {
  const out: { name: string; p50: number; p95: number; max: number }[] = [];
  for (const p of panels) {
    for (let i = 0; i < WARMUP; i++) await p.run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await p.run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out.push({ name: p.name, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1]! });
  }
  return out;
}

function panelsFor(db: Db, actor: UserActor): Panel[] {
  return [
    { name: "deadlines: counts + 5 breakdowns", run: () => deadlineDashboard(db, actor, { hours: 8 }, NOW) },
    { name: "deadlines: overdue list (page 1)", run: () => listDeadlineApplications(db, actor, { list: "overdue" }, NOW) },
    { name: "deadlines: due-soon list (page 1)", run: () => listDeadlineApplications(db, actor, { list: "soon" }, NOW) },
    { name: "deadlines: deemed-issued list (page 1)", run: () => listDeadlineApplications(db, actor, { list: "deemed" }, NOW) },
    { name: "quality: indicators 1.1–5.1 + rows", run: () => qualityIndicators(db, actor, YEAR, NOW) },
    { name: "quality: monthly trend", run: () => indicatorTrend(db, actor, YEAR, NOW) },
    { name: "quality: step durations p50/p90", run: () => stepDurations(db, actor, YEAR, NOW) },
    { name: "complaints: open queue (page 1)", run: () => listComplaintQueue(db, actor, { status: "open" }, NOW) },
    { name: "audit: newest events (page 1)", run: () => listAuditEvents(db, actor, {}) },
    { name: "audit: one application", run: () => listAuditEvents(db, actor, { application: "B-4242" }) },
  ];
}

async function main() {
  const server = await benchServer();
  baseUrl = server.url;
  benchUrl = withDb(baseUrl, dbName);
  log(`database ${dbName} on ${new URL(baseUrl).host}`);
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${dbName}"`);
  let db: Db | undefined;
  try {
    const r = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: benchUrl }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`migrate deploy failed:\n${r.stdout}\n${r.stderr}`);
    db = createDb(benchUrl);
    await timed("reference data", async () => {
      await syncCatalogueAndOrganisations(db!);
      await seedCalendarYears(db!);
      await syncRegulations(db!);
    });
    const c = new pg.Client({ connectionString: benchUrl });
    await c.connect();
    try {
      await generate(c);
      const counts = await c.query(`SELECT (SELECT count(*) FROM "Application") AS apps, (SELECT count(*) FROM "ApplicationStep") AS steps, (SELECT count(*) FROM "SurveyResponse") AS surveys,
                                           (SELECT count(*) FROM "Complaint") AS complaints, (SELECT count(*) FROM "AuditEvent") AS audit,
                                           (SELECT count(*) FROM "Application" WHERE status IN ('ISSUED','REFUSED') AND "closedAt" >= '2025-06-30 19:00' AND "closedAt" < '2026-06-30 19:00') AS closed_year`);
      log(`rows: ${JSON.stringify(counts.rows[0])}`);
    } finally {
      await c.end();
    }
    // As after the migration of existing data: working minutes of every completed step, then both summaries.
    await timed("rebuildMetricSummaries (working minutes + summaries)", () => rebuildMetricSummaries(db!, NOW));
    await db.$executeRawUnsafe(`VACUUM ANALYZE "ApplicationStep"`);
    await db.$executeRawUnsafe(`ANALYZE "IndicatorDaily"`);
    await db.$executeRawUnsafe(`ANALYZE "StepDurationMonthly"`);
    const summaryRows = await db.$queryRawUnsafe<unknown[]>(`SELECT (SELECT count(*) FROM "IndicatorDaily")::int AS daily, (SELECT count(*) FROM "StepDurationMonthly")::int AS step_buckets`);
    log(`summary rows: ${JSON.stringify(summaryRows[0])}`);
    const committee = await db.organisation.findUniqueOrThrow({ where: { code: "committee" } });
    const aktobe = await db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } });
    const actor = (organisationId: string, region: string, scope: "ALL" | "ORGANISATION"): UserActor => ({
      kind: "user",
      userId: `bench-supervisor-${scope}`,
      role: "SUPERVISOR",
      name: "Bench Supervisor",
      organisationId,
      region,
      supervisorScope: scope,
      subjectId: null,
      canSign: false,
    });
    const ministry = actor(committee.id, committee.region, "ALL");
    const all = await measure(panelsFor(db, ministry));
    const one = await measure(panelsFor(db, actor(aktobe.id, aktobe.region, "ORGANISATION")));
    const fmt = (n: number) => n.toFixed(1).padStart(8);
    const lines = [
      `| panel (one-year period, ${ROWS.toLocaleString("en")} applications) | all orgs p50 ms | all orgs p95 ms | Aktobe p50 ms | Aktobe p95 ms | p95 < ${TARGET_MS} ms (all) |`,
      "|---|---:|---:|---:|---:|:---:|",
      ...all.map((a, i) => `| ${a.name} | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(one[i]!.p50)} | ${fmt(one[i]!.p95)} | ${a.p95 < TARGET_MS ? "yes" : "**no**"} |`),
    ];
    process.stdout.write(`\n${lines.join("\n")}\n\n(${RUNS} runs after ${WARMUP} warm-ups each; Node ${process.version})\n`);
  } finally {
    await db?.$disconnect();
    if (process.env.BENCH_KEEP === "1") log(`kept database ${dbName}`);
    else await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
