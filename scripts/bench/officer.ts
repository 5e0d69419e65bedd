// `npm run bench:officer` (issue 14): the officer commands — register, assign, start review, checks, decision,
// sign (the head's EDS signature of the decision and of the licence PDF), hand over — per second at concurrency
// 8 and 32, p50/p95/p99 per command, and SQL statements + Node CPU per command.
//
// In process (like bench:submit's BENCH_MODE=inprocess; no build needed, one core): each command runs what its
// server action in app/[locale]/officer/applications/[id]/actions.ts runs — the zod parse of the input, the
// actor re-read from the database (getActor), then the use case of lib/cases/officer-actions on the same Db.
// Session cookie decoding and the RSC response of the action are not included.
//
// Outside the timed windows: a throw-away database (bench-db.ts), submitted applications (drafts prepared and
// submitted through the /api/v1 route handlers with the applicant's EDS, scripts/bench/drafts.ts), the
// organisation's clerk, head (signing right, EDS from the sandbox CA) and executor, and for the signing step the
// licence PDF prepared for the head's certificate and both signatures made (tests/integration/worklist/helpers.ts
// headSigning, as the signing widget does). Each command then runs over all applications of its level, one phase
// after the other, each phase timed on its own.
//
// Variables: BENCH_APPLICATIONS (per concurrency level, default 200), BENCH_CONCURRENCY ("8,32"),
// BENCH_COST_SAMPLE (8: applications driven at concurrency 1 for statements and CPU per command), BENCH_PROFILE
// (1: CPU profile of that sample, scripts/bench/profile.ts), BENCH_KEEP_DB, BENCH_DATABASE_URL.
import { randomUUID } from "node:crypto";
import { sessionUserSelect } from "@/lib/platform/auth";
import type { Db } from "@/lib/platform/db";
import { prepareJobSchema } from "@/lib/platform/jobs";
import { isDomainError } from "@/lib/platform/core";
import type { TExpectedState } from "@/lib/cases/officer-actions";
import { uniqueIin } from "../../tests/factories";
import { createWorkflowCast } from "../../tests/factories/workflow";
import { headSigning } from "../../tests/integration/worklist/helpers";
import { runBench } from "./bench-server";
import { createBenchDb, progress } from "./bench-db";
import { benchApplicant, costPer, inProcessCaller, prepareDrafts, submitDraft, timedRun, type RunStats } from "./drafts";
import { nextOfficerStep, type OfficerStep } from "./officer-steps";
import { withCpuProfile } from "./profile";

const N = Number(process.env.BENCH_APPLICATIONS ?? 200);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? "8,32").split(",").map(Number);
const SAMPLE = Number(process.env.BENCH_COST_SAMPLE ?? 8);
const WARMUP = 3;
const ORGANISATION = "aktobe";
const META = { ip: "127.0.0.1", userAgent: "bench:officer" };

type Signed = { cmsBase64: string; document: { preparationId: string; cmsBase64: string } };
type Case = { id: string; expected: TExpectedState; sign?: Signed };

/** What a server action does around its use case: parse, re-read the actor, call, map errors to a code. */
async function asAction(db: Db, c: Case, step: OfficerStep): Promise<string> {
  try {
    const input = step.schema.parse({ applicationId: c.id, expected: c.expected, ...step.input, ...(step.command === "sign_decision" ? c.sign : {}) });
    const user = await db.user.findUnique({ where: { id: step.actor.userId }, select: sessionUserSelect });
    if (!user?.active) return "auth.signed_out";
    const outcome = await step.run(db, { actor: step.actor, now: new Date(), meta: META }, input as never);
    c.expected = { version: outcome.version, status: outcome.status as TExpectedState["status"], stepKey: outcome.stepKey };
    return "ok";
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}

async function main() {
  const { db, url, drop } = await createBenchDb(process.env.BENCH_DB_NAME ?? "bench_officer_commands");
  try {
    await prepareJobSchema(url);
    const org = await db.organisation.findUniqueOrThrow({ where: { code: ORGANISATION } });
    const cast = await createWorkflowCast(db, org.id);
    const eds = await headSigning(db, { head: cast.head, organisationCode: ORGANISATION, iin: uniqueIin() });
    const applicant = await benchApplicant(db);
    const call = await inProcessCaller(db, url, applicant.token);

    const groups = [{ label: "warm-up", concurrency: 1, n: WARMUP }, ...LEVELS.map((c) => ({ label: `c${c}`, concurrency: c, n: N })), { label: "cost", concurrency: 1, n: SAMPLE }];
    const total = groups.reduce((s, g) => s + g.n, 0);
    progress(`preparing and submitting ${total} applications through the /api/v1 route handlers (in process) …`);
    const drafts = await prepareDrafts(db, call, applicant.sign, total);
    const submitted = await timedRun(drafts, 4, async (d) => (await submitDraft(call, d, randomUUID())).status);
    if (submitted.statuses["201"] !== total) throw new Error(`submissions: ${JSON.stringify(submitted.statuses)}`);
    const apps = await db.application.findMany({ where: { id: { in: drafts.map((d) => d.id) } }, select: { id: true, version: true, status: true, stepKey: true } });
    const byId = new Map(apps.map((a): [string, Case] => [a.id, { id: a.id, expected: { version: a.version, status: a.status as TExpectedState["status"], stepKey: a.stepKey } }]));
    let offset = 0;
    const cases = groups.map((g) => drafts.slice(offset, (offset += g.n)).map((d) => byId.get(d.id)!));

    const rows: { phase: string; stats: RunStats }[] = [];
    const costs: { phase: string; statements: number; cpuMs: number }[] = [];
    for (;;) {
      const phase = await nextOfficerStep(db, cast, cases[0]![0]!.id);
      if (!phase) break;
      if (phase.command === "sign_decision") {
        progress("preparing the licence PDFs and the head's signatures (outside the timed window) …");
        await timedRun(cases.flat(), 4, async (c) => {
          const { cmsBase64, document } = await eds.signLicence({ actor: cast.head, now: new Date() }, c.id, new Date());
          c.sign = { cmsBase64, document };
          return "ok";
        });
      }
      progress(`${phase.label} …`);
      const op = (c: Case) => asAction(db, c, phase);
      await timedRun(cases[0]!, 1, op);
      for (let g = 1; g <= LEVELS.length; g++) rows.push({ phase: phase.label, stats: await timedRun(cases[g]!, groups[g]!.concurrency, op) });
      const sample = cases[groups.length - 1]!;
      const cost = await withCpuProfile(`officer-${phase.label.split(" ")[0]!.replace(/\W/g, "")}`, () => costPer(sample.length, () => timedRun(sample, 1, op)));
      costs.push({ phase: phase.label, ...cost });
      if (phase.command === "hand_over") break;
    }

    console.log(`\n| command | concurrency | n | per second | p50 ms | p95 ms | p99 ms | outcomes |\n|---|---|---|---|---|---|---|---|`);
    for (const r of rows) console.log(`| ${r.phase} | ${r.stats.concurrency} | ${r.stats.n} | ${r.stats.perSecond.toFixed(1)} | ${r.stats.p50.toFixed(0)} | ${r.stats.p95.toFixed(0)} | ${r.stats.p99.toFixed(0)} | ${JSON.stringify(r.stats.statuses)} |`);
    console.log(`\n| command | SQL statements | Node CPU ms |\n|---|---|---|`);
    for (const c of costs) console.log(`| ${c.phase} | ${c.statements.toFixed(1)} | ${c.cpuMs.toFixed(1)} |`);
    const done = await db.application.groupBy({ by: ["status"], where: { id: { in: drafts.map((d) => d.id) } }, _count: true });
    console.log(`\napplications by status at the end: ${done.map((d) => `${d.status} ${d._count}`).join(", ")}`);
  } finally {
    await drop();
  }
}

runBench(main);
