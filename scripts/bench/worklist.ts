// `npm run bench:worklist`: 1,000,000 applications (with steps and audit events) across the 17
// organisations; p50/p95 of the first and a deep worklist page per role with typical filters,
// through the same function the worklist page uses. Target: p95 < 50 ms.
import { listWorklist } from "@/lib/cases/worklist";
import type { UserActor } from "@/lib/platform/auth";
import { createBenchDb, measure } from "./bench-db";

const N = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);

async function main() {
  const started = Date.now();
  const { db, drop } = await createBenchDb(process.env.BENCH_DB_NAME ?? "elicense_bench_worklist");
  try {
    const orgs = await db.organisation.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" } });
    // One applicant subject and staff per organisation.
    await db.$executeRawUnsafe(`insert into "Subject"(id, kind, identifier, name, "updatedAt") values ('bench-subject', 'LEGAL_ENTITY', '050340000009', 'Bench LLP', now())`);
    await db.$executeRawUnsafe(`insert into "User"(id, login, "passwordHash", role, surname, "givenName", "subjectId", "updatedAt") values ('bench-applicant', 'bench-applicant', 'x', 'APPLICANT', 'A', 'B', 'bench-subject', now())`);
    const roles = ["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR"] as const;
    for (const o of orgs) {
      for (const r of roles) {
        for (let k = 0; k < (r === "EXECUTOR" ? 5 : 1); k++) {
          await db.$executeRawUnsafe(
            `insert into "User"(id, login, "passwordHash", role, surname, "givenName", "organisationId", "updatedAt") values ($1, $1, 'x', $2::"Role", 'S', 'G', $3, now())`,
            `${o.code}-${r}-${k}`, r, o.id,
          );
        }
      }
    }
    console.log(`seeding ${N.toLocaleString("en")} applications …`);
    const t0 = Date.now();
    // Set-based insert: organisation, role of the current step, assignee and due instants spread evenly.
    await db.$executeRawUnsafe(`
      with o as (select id, code, row_number() over (order by code) - 1 as n from "Organisation"),
      g as (select i from generate_series(1, ${N}) i)
      insert into "Application"(id, "registrationNumber", "serviceCode", variant, channel, status, "organisationId", "subjectId",
        "applicantName", "applicantIdentifier", "createdById", "stepKey", "stepRole", "assigneeId", "stepStartedAt", "stepDueAt",
        "submittedAt", "registeredAt", "dueAt", "closedAt", "deadlineLevel", version, "updatedAt")
      select 'a' || lpad(g.i::text, 9, '0'), 'EL-2026-' || lpad(g.i::text, 7, '0'),
        case when g.i % 5 = 0 then 'poisons-licence' else 'scrap-metal-licence' end,
        (array['ISSUE','REISSUE','DUPLICATE'])[1 + g.i % 3]::"Variant", 'PORTAL',
        (case when g.i % 10 < 6 then 'IN_PROGRESS' when g.i % 10 < 8 then 'ISSUED' when g.i % 10 = 8 then 'REFUSED' else 'SUBMITTED' end)::"ApplicationStatus",
        o.id, 'bench-subject', 'Bench LLP ' || (g.i % 5000), lpad((g.i % 100000)::text, 12, '0'), 'bench-applicant',
        'review', (array['OFFICE_CLERK','HEAD','DEPUTY_HEAD','DEPARTMENT_HEAD','EXECUTOR'])[1 + g.i % 5]::"Role",
        case when g.i % 5 = 4 then o.code || '-EXECUTOR-' || (g.i % 5) else null end,
        timestamp '2025-01-01' + (g.i % 700) * interval '1 day',
        timestamp '2025-01-01' + (g.i % 700) * interval '1 day' + (g.i % 480) * interval '1 minute',
        timestamp '2025-01-01' + (g.i % 700) * interval '1 day', timestamp '2025-01-01' + (g.i % 700) * interval '1 day',
        timestamp '2025-01-22' + (g.i % 700) * interval '1 day',
        case when g.i % 10 between 6 and 8 then timestamp '2025-01-15' + (g.i % 700) * interval '1 day' else null end,
        (array['ON_TIME','DUE_SOON','OVERDUE'])[1 + g.i % 3]::"DeadlineLevel", 3, now()
      from g join o on o.n = g.i % (select count(*) from "Organisation")`);
    console.log(`  applications: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const tSteps = Date.now();
    await db.$executeRawUnsafe(`
      insert into "ApplicationStep"(id, "applicationId", seq, "stepKey", role, "startedAt", "dueAt", "completedAt", outcome)
      select a.id || '-s' || s, a.id, s, (array['register','assign_executor','review'])[s], (array['OFFICE_CLERK','HEAD','EXECUTOR'])[s]::"Role",
        a."stepStartedAt", a."stepDueAt", case when s < 3 then a."stepStartedAt" + interval '1 hour' else null end, case when s < 3 then 'done' else null end
      from "Application" a cross join generate_series(1, 3) s`);
    console.log(`  ${(3 * N).toLocaleString("en")} steps (summaries maintained by the statement-level triggers): ${((Date.now() - tSteps) / 1000).toFixed(1)} s`);
    await db.$executeRawUnsafe(`
      insert into "AuditEvent"(at, type, "actorRole", "entityType", "entityId", "applicationId", "organisationId", data)
      select a."submittedAt", 'application.submitted', 'APPLICANT', 'application', a.id, a.id, a."organisationId", '{}' from "Application" a`);
    await db.$executeRawUnsafe(`analyze`);
    console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

    const org = orgs[Math.floor(orgs.length / 2)]!;
    const users = await db.user.findMany({ where: { organisationId: org.id }, select: { id: true, role: true } });
    const actorOf = (role: UserActor["role"]): UserActor => {
      const u = users.find((x) => x.role === role)!;
      return { kind: "user", userId: u.id, role, name: "bench", organisationId: org.id, region: org.code, supervisorScope: null, subjectId: null, canSign: role === "HEAD" };
    };
    const rows: string[] = [];
    for (const role of roles) {
      const actor = actorOf(role);
      const first = await listWorklist(db, actor, {});
      let deep: string | undefined = first.next ?? undefined;
      for (let i = 0; i < 40 && deep; i++) deep = (await listWorklist(db, actor, { after: deep })).next ?? undefined;
      const cases: [string, () => Promise<unknown>][] = [
        ["first page", () => listWorklist(db, actor, {})],
        ["page 41 (keyset)", () => listWorklist(db, actor, { after: deep })],
        ["filter: service", () => listWorklist(db, actor, { service: "poisons-licence" })],
        ["filter: applicant BIN", () => listWorklist(db, actor, { applicant: "000000004242" })],
        ["filter: reg. number", () => listWorklist(db, actor, { number: "EL-2026-0004242" })],
        ["filter: due range", () => listWorklist(db, actor, { dueFrom: "2026-01-01", dueTo: "2026-01-31" })],
      ];
      for (const [name, fn] of cases) {
        const { p50, p95 } = await measure(30, fn);
        rows.push(`| ${role} | ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} |`);
      }
    }
    console.log(`\n${N.toLocaleString("en")} applications, organisation ${org.code}\n`);
    console.log("| role | query | p50 ms | p95 ms |\n|---|---|---|---|\n" + rows.join("\n"));
    console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
