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
// BENCH_INSTANCES (2), BENCH_PORT (3204), BENCH_MODE (http | inprocess), BENCH_KEEP_DB.
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createApiToken } from "@/lib/integration/api-tokens";
import { createDb, type Db } from "@/lib/platform/db";
import { prepareJobSchema } from "@/lib/platform/jobs";
import { createLimiter } from "@/lib/platform/limits";
import { createSubject, createUser, uniqueIin } from "../../tests/factories";
import { createPaidPayment } from "../../tests/factories/api";
import { pdfBytes } from "../../tests/factories/documents";
import { keyPool, legalEntityEds } from "../../tests/integration/api/eds";
import { createBenchDb, percentile } from "./bench-db";

const N = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? "1,8,32").split(",").map(Number);
const MODE = process.env.BENCH_MODE ?? "http";
const root = path.resolve(import.meta.dirname, "../..");

// ---- statement counting: every query the pg driver sends, in this process -------------------------
let statements = 0;
const originalQuery = pg.Client.prototype.query;
let trace: string[] | null = null;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements++;
  if (trace) trace.push(String(typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text ?? "?").replace(/\s+/g, " ").slice(0, 160));
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

type Call = (method: string, p: string, o?: { json?: unknown; form?: FormData; headers?: Record<string, string> }) => Promise<{ status: number; body: Record<string, unknown> }>;

function httpCaller(baseUrl: string, token: string): Call {
  return async (method, p, o = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(o.headers ?? {}) };
    let body: BodyInit | undefined;
    if (o.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(o.json);
    } else if (o.form) body = o.form;
    const res = await fetch(`${baseUrl}${p}`, { method, headers, body });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}

async function inProcessCaller(db: Db, url: string, token: string): Promise<Call> {
  const { setApiRuntimeForTests } = await import("@/app/api/v1/_lib/runtime");
  const { tempStorage } = await import("../../tests/factories/documents");
  const storage = await tempStorage();
  // The shared limit over the bench database, high enough never to refuse (its cost is measured).
  const benchLimiter = createLimiter(new pg.Pool({ connectionString: url, max: 4 }), { name: "bench", limit: 1_000_000_000, windowSeconds: 60 });
  setApiRuntimeForTests({ db: () => db, storage: () => storage.storage, sessionActor: async () => null, rateLimiter: () => benchLimiter, publicBaseUrl: () => "http://bench.local" });
  const routes: Record<string, Record<string, (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>>> = {
    apps: (await import("@/app/api/v1/applications/route")) as never,
    app: (await import("@/app/api/v1/applications/[id]/route")) as never,
    documents: (await import("@/app/api/v1/applications/[id]/documents/route")) as never,
    signing: (await import("@/app/api/v1/applications/[id]/signing-request/route")) as never,
    submit: (await import("@/app/api/v1/applications/[id]/submit/route")) as never,
  };
  return async (method, p, o = {}) => {
    const m = /^\/api\/v1\/applications(?:\/([^/]+)(?:\/([a-z-]+))?)?$/.exec(p)!;
    const route = !m[1] ? routes.apps : !m[2] ? routes.app : m[2] === "documents" ? routes.documents : m[2] === "signing-request" ? routes.signing : routes.submit;
    const headers = new Headers({ authorization: `Bearer ${token}`, ...(o.headers ?? {}) });
    let body: BodyInit | undefined;
    if (o.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(o.json);
    } else if (o.form) {
      const probe = new Request("http://bench.local/", { method: "POST", body: o.form });
      headers.set("content-type", probe.headers.get("content-type")!);
      body = await probe.arrayBuffer();
    }
    const res = await route![method]!(new Request(`http://bench.local${p}`, { method, headers, body }), { params: Promise.resolve<Record<string, string>>(m[1] ? { id: m[1] } : {}) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}

const FORM = { activitySubtypes: ["ferrous-collection"], activityAddress: "Ақтөбе қ., Промзона, 12", contactPhone: "+7 701 000 00 00", contactEmail: "bench@example.kz" };

type Draft = { id: string; cms: string };

async function prepareDrafts(db: Db, call: Call, sign: (b: Uint8Array) => string, n: number): Promise<Draft[]> {
  const out: Draft[] = [];
  const one = async (): Promise<Draft> => {
    const created = await call("POST", "/api/v1/applications", { json: { serviceCode: "scrap-metal-licence", variant: "issue", organisationCode: "aktobe" } });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    const id = created.body.id as string;
    const saved = await call("PATCH", `/api/v1/applications/${id}`, { json: { expectedVersion: 0, formData: FORM } });
    if (saved.status !== 200) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
    for (const slotKey of ["charter_scan", "qualification_documents"]) {
      const form = new FormData();
      form.set("slotKey", slotKey);
      form.set("file", new File([pdfBytes(slotKey) as BlobPart], `${slotKey}.pdf`, { type: "application/pdf" }));
      const up = await call("POST", `/api/v1/applications/${id}/documents`, { form });
      if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
    }
    // The fee as the gateway's confirmed callback leaves it.
    await createPaidPayment(db, id, new Date());
    const signing = await call("GET", `/api/v1/applications/${id}/signing-request`);
    if (signing.status !== 200) throw new Error(`signing request: ${signing.status}`);
    return { id, cms: sign(new Uint8Array(Buffer.from(signing.body.contentBase64 as string, "base64"))) };
  };
  const workers = Array.from({ length: 4 }, async () => {
    while (out.length < n) {
      const slot = out.length;
      out.push(undefined as never);
      out[slot] = await one();
    }
  });
  await Promise.all(workers);
  return out;
}

async function timed(call: Call, drafts: Draft[], concurrency: number) {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const d = drafts[next++];
        if (!d) return;
        const t = performance.now();
        const r = await call("POST", `/api/v1/applications/${d.id}/submit`, { json: { cms: d.cms }, headers: { "Idempotency-Key": randomUUID() } });
        times.push(performance.now() - t);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { concurrency, n: drafts.length, perSecond: drafts.length / seconds, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), statuses: Object.fromEntries(statuses) };
}

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
  let cluster: { url: string; stop: () => Promise<void> } | null = null;
  try {
    const now = new Date();
    const subject = await createSubject(db);
    const { actor } = await createUser(db, "APPLICANT", { subjectId: subject.id });
    const { token } = await createApiToken(db, { actor, name: "bench", now });
    const eds = await legalEntityEds(db, { bin: subject.identifier, iin: uniqueIin(), now: new Date(now.getTime() - 60_000), keys: keyPool() });
    const sign = (bytes: Uint8Array) => Buffer.from(eds.sign(bytes, new Date())).toString("base64");

    let call: Call;
    let where: string;
    if (MODE === "inprocess") {
      call = await inProcessCaller(db, url, token);
      where = "in process (route handlers called directly, one core)";
    } else if (external) {
      call = httpCaller(external, token);
      where = external;
    } else {
      const { startCluster } = (await import(path.join(root, "scripts/cluster/start-cluster.mjs"))) as {
        startCluster: (o: Record<string, unknown>) => Promise<{ url: string; stop: () => Promise<void> }>;
      };
      const instances = Number(process.env.BENCH_INSTANCES ?? 2);
      const port = Number(process.env.BENCH_PORT ?? 3204);
      cluster = await startCluster({ root, databaseUrl: url, port, instances, instancePort: port + 10, dataDir: path.join(root, ".data", "bench-submit"), output: "keep", env: { DATABASE_POOL_SIZE: "16", API_RATE_LIMIT_PER_MINUTE: "100000000" } });
      call = httpCaller(cluster.url, token);
      where = `${cluster.url} (${instances} production instances behind the load balancer)`;
    }

    const total = N * LEVELS.length;
    console.log(`preparing ${total} signed drafts through the API (${where}) …`);
    const tp = Date.now();
    const drafts = await prepareDrafts(db, call, sign, total + 21);
    console.log(`prepared in ${((Date.now() - tp) / 1000).toFixed(0)} s`);

    const rows = [];
    let offset = 0;
    // Warm-up outside the measurement (JIT, plans, caches of every instance).
    await timed(call, drafts.slice(offset, (offset += 10)), 2);
    for (const c of LEVELS) rows.push(await timed(call, drafts.slice(offset, (offset += N)), c));

    // Statements and Node CPU per submission, in this process on the same database and handler.
    const local = await inProcessCaller(db, url, token);
    const sample = drafts.slice(offset, offset + 10);
    await timed(local, sample.slice(0, 2), 1);
    const s0 = statements;
    const c0 = process.cpuUsage();
    const r = await timed(local, sample.slice(2), 1);
    const cpu = process.cpuUsage(c0);
    const perSubmission = { statements: (statements - s0) / r.n, cpuMs: (cpu.user + cpu.system) / 1000 / r.n };
    if (process.env.BENCH_TRACE_SQL) {
      // The statements of one more submission, in order.
      trace = [];
      await timed(local, drafts.slice(offset + 10, offset + 11), 1);
      console.log(trace.map((q, i) => `${String(i + 1).padStart(3)} ${q}`).join("\n"));
      trace = null;
    }

    const uniq = await db.$queryRaw<{ n: bigint; d: bigint }[]>`SELECT count(*) AS n, count(DISTINCT "registrationNumber") AS d FROM "Application" WHERE status <> 'DRAFT'`;
    console.log(`\n| concurrency | submissions | per second | p50 ms | p95 ms | p99 ms | statuses |\n|---|---|---|---|---|---|---|`);
    for (const x of rows) console.log(`| ${x.concurrency} | ${x.n} | ${x.perSecond.toFixed(1)} | ${x.p50.toFixed(0)} | ${x.p95.toFixed(0)} | ${x.p99.toFixed(0)} | ${JSON.stringify(x.statuses)} |`);
    console.log(`\nper submission (in process): ${perSubmission.statements.toFixed(1)} SQL statements, ${perSubmission.cpuMs.toFixed(1)} ms Node CPU (incl. signature verification)`);
    console.log(`submitted applications: ${uniq[0]!.n}, distinct registration numbers: ${uniq[0]!.d}`);
    const { loadavg } = await import("node:os");
    console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
  } finally {
    await cluster?.stop().catch(() => {});
    await drop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
