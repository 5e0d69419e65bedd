// `npm run bench:submit` (issue 14): signed submissions per second through POST /api/v1/applications/{id}/submit.
//
// 1. A production cluster on its own database (bench_write_path_submit): the built app (`npx next build` first),
//    BENCH_INSTANCES instances (default 2 = one per core) behind HAProxy/nginx (scripts/cluster), or the server
//    at BENCH_BASE_URL whose database is BENCH_DATABASE_URL (the bench needs it to create the applicant, its API
//    token and its EDS certificate from the sandbox CA). BENCH_MODE=inprocess calls the same route handlers in
//    this process instead (no build needed; one core).
// 2. Outside the timed window, N drafts are prepared through the public API (create, form, two files, the fee
//    paid as the gateway's callback leaves it, signing request) and each request is signed with the applicant's
//    EDS key (detached CMS, as a signing tool sends it).
// 3. Timed: POST …/submit (with an Idempotency-Key) at concurrency 1, 8 and 32: throughput, p50/p95/p99, errors.
// 4. In this process, on the same database and route handler: SQL statements per submission (every query the
//    pg driver sends, BEGIN/COMMIT included) and Node CPU per submission (process.cpuUsage).
//
// Variables: BENCH_SUBMISSIONS (per concurrency level, default 200), BENCH_CONCURRENCY ("1,8,32"),
// BENCH_INSTANCES (2), BENCH_PORT (3204), BENCH_MODE (http | inprocess), BENCH_KEEP_DB, BENCH_COST_SAMPLE (8
// submissions for step 4), BENCH_PROFILE (1: a CPU profile of that sample, see scripts/bench/profile.ts),
// BENCH_TRACE_SQL (1: print the statements of one submission), BENCH_PROFILE_SERVER (1: a CPU profile of each
// instance during the last level's timed run, scripts/bench/profile-hook.mjs). With its own cluster it also
// prints the CPU per submission of the portal instances, PostgreSQL, the load balancer and the bench client.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createDb, type Db } from "@/lib/platform/db";
import { prepareJobSchema } from "@/lib/platform/jobs";
import { runBench } from "./bench-server";
import { createBenchDb } from "./bench-db";
import { processTree, startBenchCluster, type BenchCluster } from "./cluster";
import { cpuByGroup, processesNamed } from "./process-cpu";
import { benchApplicant, costPer, httpCaller, inProcessCaller, prepareDrafts, submitDraft, timedRun, traceStatements, type Call, type Draft } from "./drafts";
import { withCpuProfile } from "./profile";

const N = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? "1,8,32").split(",").map(Number);
const MODE = process.env.BENCH_MODE ?? "http";
const PROFILE_SERVER = process.env.BENCH_PROFILE_SERVER === "1";
// In-process submissions measured for statements and CPU (the profile's sample), after 2 of warm-up.
const SAMPLE = Number(process.env.BENCH_COST_SAMPLE ?? 8);

const timed = (call: Call, drafts: Draft[], concurrency: number) => timedRun(drafts, concurrency, async (d) => (await submitDraft(call, d, randomUUID())).status);

async function main() {
  const external = process.env.BENCH_BASE_URL;
  let db: Db;
  let url: string;
  let drop = async () => {};
  if (external) {
    url = process.env.BENCH_DATABASE_URL ?? "";
    if (!url) throw new Error("BENCH_BASE_URL needs BENCH_DATABASE_URL (the server's database)");
    db = createDb(url);
  } else {
    const b = await createBenchDb(process.env.BENCH_DB_NAME ?? "bench_write_path_submit");
    ({ db, url, drop } = b);
    await prepareJobSchema(url);
  }
  let cluster: BenchCluster | null = null;
  try {
    const { token, sign } = await benchApplicant(db);

    let call: Call;
    let where: string;
    if (MODE === "inprocess") {
      call = await inProcessCaller(db, url, token);
      where = "in process (route handlers called directly, one core)";
    } else if (external) {
      call = httpCaller(external, token);
      where = external;
    } else {
      const hook = path.join(import.meta.dirname, "profile-hook.mjs");
      const env = PROFILE_SERVER ? { INSTANCE_NODE_ARGS: `${process.env.INSTANCE_NODE_ARGS ?? ""} --import ${hook}`.trim() } : undefined;
      cluster = await startBenchCluster({ databaseUrl: url, name: "bench-submit", port: Number(process.env.BENCH_PORT ?? 3204), env });
      call = httpCaller(cluster.url, token);
      where = `${cluster.url} (${cluster.instances} production instances behind the load balancer)`;
    }

    const total = N * LEVELS.length;
    console.log(`preparing ${total} signed drafts through the API (${where}) …`);
    const tp = Date.now();
    const drafts = await prepareDrafts(db, call, sign, total + 10 + SAMPLE + 3);
    console.log(`prepared in ${((Date.now() - tp) / 1000).toFixed(0)} s`);

    const rows = [];
    let offset = 0;
    // Warm-up outside the measurement (JIT, plans, caches of every instance).
    await timed(call, drafts.slice(offset, (offset += 10)), 2);
    const split: Record<number, Record<string, number>> = {};
    for (const c of LEVELS) {
      const batch = drafts.slice(offset, (offset += N));
      if (!cluster) {
        rows.push(await timed(call, batch, c));
        continue;
      }
      const live = cluster;
      // BENCH_PROFILE_SERVER=1: the instances profile the last level's window (scripts/bench/profile-hook.mjs).
      const profile = PROFILE_SERVER && c === LEVELS.at(-1);
      if (profile) for (const pid of live.pids()) process.kill(pid, "SIGUSR2");
      const { result, ms } = await cpuByGroup(
        { portal: () => live.pids().flatMap(processTree), PostgreSQL: () => processesNamed("postgres"), "load balancer": () => [...processesNamed("haproxy"), ...processesNamed("nginx")] },
        () => timed(call, batch, c),
      );
      if (profile) for (const pid of live.pids()) process.kill(pid, "SIGUSR2");
      rows.push(result);
      split[c] = ms;
    }

    // Statements and Node CPU per submission, in this process on the same database and handler.
    const local = await inProcessCaller(db, url, token);
    const sample = drafts.slice(offset, offset + SAMPLE + 2);
    await timed(local, sample.slice(0, 2), 1);
    // BENCH_PROFILE=1: a CPU profile of these sequential in-process submissions (scripts/bench/profile.ts).
    const perSubmission = await withCpuProfile("submit", () => costPer(sample.length - 2, () => timed(local, sample.slice(2), 1)));
    if (process.env.BENCH_TRACE_SQL) {
      // The statements of one more submission, in order.
      const trace = await traceStatements(() => timed(local, drafts.slice(offset + SAMPLE + 2, offset + SAMPLE + 3), 1));
      console.log(trace.map((q, i) => `${String(i + 1).padStart(3)} ${q}`).join("\n"));
    }

    const uniq = await db.$queryRaw<{ n: bigint; d: bigint }[]>`SELECT count(*) AS n, count(DISTINCT "registrationNumber") AS d FROM "Application" WHERE status <> 'DRAFT'`;
    console.log(`\n| concurrency | submissions | per second | p50 ms | p95 ms | p99 ms | statuses |\n|---|---|---|---|---|---|---|`);
    for (const x of rows) console.log(`| ${x.concurrency} | ${x.n} | ${x.perSecond.toFixed(1)} | ${x.p50.toFixed(0)} | ${x.p95.toFixed(0)} | ${x.p99.toFixed(0)} | ${JSON.stringify(x.statuses)} |`);
    if (Object.keys(split).length) {
      const groups = Object.keys(Object.values(split)[0]!);
      console.log(`\nCPU per submission over HTTP (ms, from /proc during each timed run):\n\n| concurrency | ${groups.join(" | ")} | total |\n|---|${groups.map(() => "---|").join("")}---|`);
      for (const x of rows) {
        const ms = split[x.concurrency];
        if (!ms) continue;
        const per = groups.map((g) => ms[g]! / x.n);
        console.log(`| ${x.concurrency} | ${per.map((v) => v.toFixed(2)).join(" | ")} | ${per.reduce((a, b) => a + b, 0).toFixed(2)} |`);
      }
    }
    console.log(`\nper submission (in process): ${perSubmission.statements.toFixed(1)} SQL statements, ${perSubmission.cpuMs.toFixed(1)} ms Node CPU (incl. signature verification)`);
    console.log(`submitted applications: ${uniq[0]!.n}, distinct registration numbers: ${uniq[0]!.d}`);
  } finally {
    await cluster?.stop().catch(() => {});
    await drop();
  }
}

runBench(main);
