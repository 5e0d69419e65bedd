// `npm run bench:soak` (issue 14): mixed traffic at a fixed rate for BENCH_SOAK_MINUTES against production
// servers — pages of every role (signed-in sessions), /api/v1 reads, submissions (the whole API journey: create,
// form, two files, signing request, signed submit), officer commands (the officer page's server actions, in turn
// over the applications submitted here: register … sign … hand over), licence PDFs and supervisor CSV exports —
// and each minute: requests, errors, p50/p99, and the resident memory (VmRSS) of the server processes.
//
// Servers: BENCH_BASE_URL with its database BENCH_DATABASE_URL (memory only when BENCH_SERVER_PIDS lists the
// server pids), else BENCH_INSTANCES (2) instances (scripts/serve.mjs) of the existing build (.next; `npx next build`
// first) behind the load balancer on a throw-away database, like bench:submit.
//
// Done in this process, not by the servers (outside the measured requests): the applicant's EDS signatures,
// the fee paid as the gateway's callback leaves it, the licence PDF prepared for the head's certificate and
// signed (the browser's part of signing), and choosing the next officer command.
//
// Variables: BENCH_SOAK_MINUTES (10), BENCH_SOAK_RATE (operations started per second, default 8; set about half
// of the measured capacity), BENCH_SOAK_MAX_IN_FLIGHT (64: beyond it an operation is skipped and counted),
// BENCH_PORT (3244), BENCH_INSTANCES, BENCH_KEEP_DB.
import { randomUUID } from "node:crypto";
import { hashPassword, type UserActor } from "@/lib/platform/auth";
import { createDb, type Db } from "@/lib/platform/db";
import { prepareJobSchema } from "@/lib/platform/jobs";
import { createUser, uniqueIin } from "../../tests/factories";
import { createSupervisor } from "../../tests/factories/metrics";
import { createWorkflowCast } from "../../tests/factories/workflow";
import { headSigning } from "../../tests/integration/worklist/helpers";
import { callServerAction, serverActionResult, signIn } from "../../tests/cluster/http";
import { runBench } from "./bench-server";
import { createBenchDb, percentile, progress } from "./bench-db";
import { processTree, rssMb, startBenchCluster, type BenchCluster } from "./cluster";
import { benchApplicant, httpCaller, prepareDraft, submitDraft, type Call } from "./drafts";
import { nextOfficerStep, OFFICER_ACTIONS_FILE } from "./officer-steps";

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const RATE = Number(process.env.BENCH_SOAK_RATE ?? 8);
const MAX_IN_FLIGHT = Number(process.env.BENCH_SOAK_MAX_IN_FLIGHT ?? 64);
const ORGANISATION = "aktobe";
const PASSWORD = "Soak-Bench-2026!";

type Sample = { kind: string; status: number | "network"; ms: number };
type Minute = { samples: Sample[]; skipped: number };

let minute: Minute = { samples: [], skipped: 0 };

/** One measured HTTP request; 4xx, 5xx and a dropped connection are errors. */
async function measured(kind: string, url: string, init: RequestInit = {}): Promise<Response | null> {
  const t = performance.now();
  try {
    const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(60_000), ...init });
    const body = await res.arrayBuffer();
    minute.samples.push({ kind, status: res.status, ms: performance.now() - t });
    return new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, headers: res.headers });
  } catch {
    minute.samples.push({ kind, status: "network", ms: performance.now() - t });
    return null;
  }
}

/** The /api/v1 caller of the drafts helpers, each request measured as `kind`. */
function measuredCaller(base: string, token: string, kind: string): Call {
  const plain = httpCaller(base, token);
  return async (method, p, o) => {
    const t = performance.now();
    try {
      const r = await plain(method, p, o);
      minute.samples.push({ kind, status: r.status, ms: performance.now() - t });
      return r;
    } catch (e) {
      minute.samples.push({ kind, status: "network", ms: performance.now() - t });
      throw e;
    }
  };
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

async function main() {
  const external = process.env.BENCH_BASE_URL;
  let db: Db;
  let cluster: BenchCluster | null = null;
  let drop = async () => {};
  let base: string;
  if (external) {
    if (!process.env.BENCH_DATABASE_URL) throw new Error("BENCH_BASE_URL needs BENCH_DATABASE_URL (the server's database)");
    db = createDb(process.env.BENCH_DATABASE_URL);
    base = external;
  } else {
    const b = await createBenchDb(process.env.BENCH_DB_NAME ?? "bench_soak");
    ({ db, drop } = b);
    await prepareJobSchema(b.url);
    progress(`starting the production servers …`);
    cluster = await startBenchCluster({ databaseUrl: b.url, name: "bench-soak", port: Number(process.env.BENCH_PORT ?? 3244) });
    base = cluster.url;
  }
  const serverPids = (): number[] => (cluster ? cluster.pids() : (process.env.BENCH_SERVER_PIDS ?? "").split(",").filter(Boolean).map(Number)).flatMap(processTree);

  try {
    // ---- the people and their sessions (outside the measurement) ----
    const org = await db.organisation.findUniqueOrThrow({ where: { code: ORGANISATION } });
    const applicant = await benchApplicant(db);
    const cast = await createWorkflowCast(db, org.id);
    const supervisor = await createSupervisor(db, org.id, "REGION");
    const admin = (await createUser(db, "ADMIN")).actor;
    const eds = await headSigning(db, { head: cast.head, organisationCode: ORGANISATION, iin: uniqueIin() });
    const people: Record<string, UserActor> = { applicant: applicant.actor, clerk: cast.clerk, head: cast.head, executor: cast.executor, supervisor, admin };
    await db.user.updateMany({ where: { id: { in: Object.values(people).map((p) => p.userId) } }, data: { passwordHash: await hashPassword(PASSWORD) } });
    const logins = new Map((await db.user.findMany({ where: { id: { in: Object.values(people).map((p) => p.userId) } }, select: { id: true, login: true } })).map((u) => [u.id, u.login]));
    const sessions: Record<string, string> = {};
    for (const [role, p] of Object.entries(people)) sessions[role] = await signIn(base, logins.get(p.userId)!, PASSWORD);
    const sessionOf = (actor: UserActor) => sessions[Object.entries(people).find(([, p]) => p.userId === actor.userId)![0]]!;
    progress(`signed in: ${Object.keys(sessions).join(", ")}`);

    // ---- the operations ----
    const submitted: string[] = []; // waiting for an officer
    const busy = new Set<string>();
    const recent: string[] = [];
    let licences: string[] = [];
    const apiCall = measuredCaller(base, applicant.token, "api write");
    const apiRead = measuredCaller(base, applicant.token, "api read");

    const pages: Record<string, () => string[]> = {
      public: () => ["/kk", "/ru/services/scrap-metal-licence", "/kk/verify", "/en"],
      applicant: () => ["/kk/applicant", "/ru/notifications", "/en/me", "/kk/licences", ...recent.slice(-3).map((id) => `/kk/applicant/applications/${id}`)],
      clerk: () => ["/kk/officer", "/ru/officer/registry", ...recent.slice(-2).map((id) => `/kk/officer/applications/${id}`)],
      head: () => ["/kk/officer", "/kk/officer/reassign", ...recent.slice(-2).map((id) => `/ru/officer/applications/${id}`)],
      executor: () => ["/kk/officer", ...recent.slice(-2).map((id) => `/kk/officer/applications/${id}`)],
      supervisor: () => ["/kk/supervisor", "/ru/supervisor/quality", "/kk/supervisor/audit", "/kk/supervisor/complaints", ...recent.slice(-1).map((id) => `/kk/supervisor/applications/${id}`)],
      admin: () => ["/kk/admin", "/kk/admin/officers", "/ru/admin/regulations", "/kk/admin/calendar"],
    };
    const page = async () => {
      const role = pick(Object.keys(pages));
      await measured(`page ${role}`, `${base}${pick(pages[role]!())}`, role === "public" ? {} : { headers: { cookie: sessions[role]! } });
    };
    const apiReads = async () => {
      const p = pick(["/api/v1/applications", "/api/v1/catalogue", "/api/v1/catalogue/scrap-metal-licence", "/api/v1/licences", ...recent.slice(-3).map((id) => `/api/v1/applications/${id}`)]);
      await apiRead("GET", p);
    };
    const submission = async () => {
      const d = await prepareDraft(db, apiCall, applicant.sign, ORGANISATION);
      const t = performance.now();
      const r = await submitDraft(httpCaller(base, applicant.token), d, randomUUID()).catch(() => ({ status: "network" as const }));
      minute.samples.push({ kind: "submit", status: r.status, ms: performance.now() - t });
      if (r.status === 201) {
        submitted.push(d.id);
        recent.push(d.id);
        if (recent.length > 50) recent.shift();
      }
    };
    const officer = async () => {
      const id = submitted.find((x) => !busy.has(x));
      if (!id) return apiReads();
      busy.add(id);
      try {
        const step = await nextOfficerStep(db, cast, id);
        if (!step) {
          submitted.splice(submitted.indexOf(id), 1);
          return;
        }
        const app = await db.application.findUniqueOrThrow({ where: { id }, select: { version: true, status: true, stepKey: true } });
        // The browser's part of signing: the licence PDF prepared for the head's certificate, both CMS made.
        const signed = step.command === "sign_decision" ? await eds.signLicence({ actor: cast.head, now: new Date() }, id, new Date()) : null;
        const input = { applicationId: id, expected: app, ...step.input, ...(signed ? { cmsBase64: signed.cmsBase64, document: signed.document } : {}) };
        const t = performance.now();
        let status: number | "network" = "network";
        try {
          const res = await callServerAction(base, sessionOf(step.actor), { page: `/kk/officer/applications/${id}`, file: OFFICER_ACTIONS_FILE, name: step.action, args: [null, input] });
          const result = serverActionResult(await res.text());
          // A refused command answers 200 with { ok: false, code }: an error here.
          status = res.status === 200 && !result?.ok ? 422 : res.status;
          if (!result?.ok) minute.samples.push({ kind: `officer ${step.command} refused: ${result?.code ?? "no result"}`, status: 0, ms: 0 });
        } finally {
          minute.samples.push({ kind: `officer ${step.command}`, status, ms: performance.now() - t });
        }
        if (step.command === "hand_over") submitted.splice(submitted.indexOf(id), 1);
      } finally {
        busy.delete(id);
      }
    };
    const licencePdf = async () => {
      if (!licences.length) return page();
      await measured("licence pdf", `${base}/api/licences/${pick(licences)}/pdf`, { headers: { cookie: sessions.applicant! } });
    };
    const exportCsv = async () => {
      const table = pick(["indicators", "trend", "deadline-list", "steps", "deadline-breakdown"]);
      await measured("supervisor export", `${base}/api/supervisor/export/${table}?locale=ru`, { headers: { cookie: sessions.supervisor! } });
    };
    const mix: [number, () => Promise<unknown>][] = [
      [40, page],
      [15, apiReads],
      [10, submission],
      [20, officer],
      [10, licencePdf],
      [5, exportCsv],
    ];
    const totalWeight = mix.reduce((s, [w]) => s + w, 0);
    const chooseOp = () => {
      let x = Math.random() * totalWeight;
      for (const [w, op] of mix) if ((x -= w) < 0) return op;
      return page;
    };

    // ---- the soak ----
    progress(`soak: ${MINUTES} min at ${RATE} operations/s (pages 40 %, API reads 15 %, submissions 10 %, officer commands 20 %, licence PDFs 10 %, exports 5 %) against ${base}`);
    console.log(`\n| minute | requests | errors | p50 ms | p99 ms | skipped | server RSS MB |\n|---|---|---|---|---|---|---|`);
    let inFlight = 0;
    const failures = new Map<string, number>();
    const rows: { p99: number; rss: number }[] = [];
    const refreshLicences = async () => {
      licences = (await db.licence.findMany({ where: { holderId: applicant.subject.id }, select: { id: true }, take: 50, orderBy: { issuedAt: "desc" } })).map((l) => l.id);
    };
    const ticker = setInterval(() => {
      if (inFlight >= MAX_IN_FLIGHT) {
        minute.skipped++;
        return;
      }
      inFlight++;
      chooseOp()()
        .catch((e: unknown) => failures.set(`exception: ${String(e).slice(0, 120)}`, (failures.get(`exception: ${String(e).slice(0, 120)}`) ?? 0) + 1))
        .finally(() => inFlight--);
    }, 1000 / RATE);
    for (let m = 1; m <= MINUTES; m++) {
      await new Promise((r) => setTimeout(r, 60_000));
      const done = minute;
      minute = { samples: [], skipped: 0 };
      await refreshLicences();
      const timed = done.samples.filter((s) => s.status !== 0);
      const errors = timed.filter((s) => s.status === "network" || s.status >= 400);
      for (const s of done.samples.filter((x) => x.status === 0 || x.status === "network" || (x.status as number) >= 400)) failures.set(`${s.kind} ${s.status || ""}`.trim(), (failures.get(`${s.kind} ${s.status || ""}`.trim()) ?? 0) + 1);
      const ms = timed.map((s) => s.ms).sort((a, b) => a - b);
      const rss = serverPids().map((pid) => rssMb(pid) ?? 0);
      const total = rss.reduce((a, b) => a + b, 0);
      rows.push({ p99: ms.length ? percentile(ms, 99) : 0, rss: total });
      console.log(`| ${m} | ${timed.length} | ${errors.length} | ${ms.length ? percentile(ms, 50).toFixed(0) : "–"} | ${ms.length ? percentile(ms, 99).toFixed(0) : "–"} | ${done.skipped} | ${rss.length ? `${total.toFixed(0)} (${rss.map((r) => r.toFixed(0)).join(" + ")})` : "–"} |`);
    }
    clearInterval(ticker);
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 200));

    const byStatus = await db.application.groupBy({ by: ["status"], where: { subjectId: applicant.subject.id }, _count: true });
    console.log(`\napplications of the soak by status: ${byStatus.map((s) => `${s.status} ${s._count}`).join(", ")}; licences: ${licences.length}+`);
    console.log(failures.size ? `errors by kind:\n${[...failures].map(([k, n]) => `  ${k}: ${n}`).join("\n")}` : "no errors");
    if (rows.length >= 4) {
      const half = Math.floor(rows.length / 2);
      const growth = rows[rows.length - 1]!.rss - rows[half]!.rss;
      console.log(`server RSS from minute ${half + 1} to ${rows.length}: ${growth >= 0 ? "+" : ""}${growth.toFixed(0)} MB; p99 first/last minute: ${rows[0]!.p99.toFixed(0)} / ${rows[rows.length - 1]!.p99.toFixed(0)} ms`);
    }
  } finally {
    await cluster?.stop().catch(() => {});
    await drop();
  }
}

runBench(main);
