// Shared by bench:submit, bench:officer and bench:soak: SQL statement counting in this process, callers of the
// /api/v1 applications routes (over HTTP or in process), signed drafts prepared through the public API, and a
// timed run of one operation at a given concurrency.
import http from "node:http";
import https from "node:https";
import pg from "pg";
import { createApiToken } from "@/lib/integration/api-tokens";
import { createLimiter } from "@/lib/platform/limits";
import type { Db } from "@/lib/platform/db";
import { createSubject, createUser, uniqueIin } from "../../tests/factories";
import { createPaidPayment } from "../../tests/factories/api";
import { pdfBytes } from "../../tests/factories/documents";
import { keyPool, legalEntityEds } from "../../tests/integration/api/eds";
import { percentile } from "./bench-db";

// ---- statement counting: every query the pg driver sends, in this process -------------------------
const counter = { statements: 0, trace: null as string[] | null };
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  counter.statements++;
  if (counter.trace) counter.trace.push(String(typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text ?? "?").replace(/\s+/g, " ").slice(0, 160));
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** SQL statements sent so far by this process (BEGIN/COMMIT included). */
export const statementCount = (): number => counter.statements;

/** The text of every statement `fn` sends, in order. */
export async function traceStatements(fn: () => Promise<unknown>): Promise<string[]> {
  counter.trace = [];
  try {
    await fn();
    return counter.trace;
  } finally {
    counter.trace = null;
  }
}

/** Statements and Node CPU (user + system) per item of `fn` over `n` items. */
export async function costPer(n: number, fn: () => Promise<unknown>): Promise<{ statements: number; cpuMs: number }> {
  const s0 = counter.statements;
  const c0 = process.cpuUsage();
  await fn();
  const cpu = process.cpuUsage(c0);
  return { statements: (counter.statements - s0) / n, cpuMs: (cpu.user + cpu.system) / 1000 / n };
}

export type Call = (method: string, p: string, o?: { json?: unknown; form?: FormData; headers?: Record<string, string> }) => Promise<{ status: number; body: Record<string, unknown> }>;

/**
 * Calls over HTTP. JSON calls go through node:http with a keep-alive agent, not fetch: the client
 * shares the two cores with the servers it measures, and undici's fetch costs it about a millisecond
 * of CPU per call, node:http a quarter of that. Multipart uploads (outside the timed window) use fetch.
 */
export function httpCaller(baseUrl: string, token: string): Call {
  const base = new URL(baseUrl);
  const transport = base.protocol === "https:" ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 512 });
  return async (method, p, o = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(o.headers ?? {}) };
    if (o.form) {
      const res = await fetch(new URL(p, base), { method, headers, body: o.form });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    }
    let body: string | undefined;
    if (o.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(o.json);
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const req = transport.request(new URL(p, base), { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> });
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  };
}

/** The same route handlers as the server's, called in this process on `db` (no build needed). */
export async function inProcessCaller(db: Db, url: string, token: string): Promise<Call> {
  const { setApiRuntimeForTests } = await import("@/app/api/v1/_lib/runtime");
  const { tempStorage } = await import("../../tests/factories/documents");
  const storage = await tempStorage();
  // The shared limit over the bench database, high enough never to refuse (its cost is measured).
  const limiterPool = new pg.Pool({ connectionString: url, max: 4 });
  // The bench drops its database at the end, which terminates these idle connections: not an error.
  limiterPool.on("error", () => {});
  const benchLimiter = createLimiter(limiterPool, { name: "bench", limit: 1_000_000_000, windowSeconds: 60 });
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

/** A legal-entity applicant with an API token and an EDS of its first head from the sandbox CA. */
export async function benchApplicant(db: Db, now = new Date()) {
  const subject = await createSubject(db);
  const { actor } = await createUser(db, "APPLICANT", { subjectId: subject.id });
  const { token } = await createApiToken(db, { actor, name: "bench", now });
  const eds = await legalEntityEds(db, { bin: subject.identifier, iin: uniqueIin(), now: new Date(now.getTime() - 60_000), keys: keyPool() });
  const sign = (bytes: Uint8Array) => Buffer.from(eds.sign(bytes, new Date())).toString("base64");
  return { subject, actor, token, sign };
}

export const FORM = { activitySubtypes: ["ferrous-collection"], activityAddress: "Ақтөбе қ., Промзона, 12", contactPhone: "+7 701 000 00 00", contactEmail: "bench@example.kz" };

export type Draft = { id: string; cms: string };

/** One draft through the public API (create, form, two files, the fee paid, signing request), signed. */
export async function prepareDraft(db: Db, call: Call, sign: (b: Uint8Array) => string, organisationCode = "aktobe"): Promise<Draft> {
  const created = await call("POST", "/api/v1/applications", { json: { serviceCode: "scrap-metal-licence", variant: "issue", organisationCode } });
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
}

/** `n` signed drafts, four at a time. */
export async function prepareDrafts(db: Db, call: Call, sign: (b: Uint8Array) => string, n: number): Promise<Draft[]> {
  const out: Draft[] = [];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (out.length < n) {
        const slot = out.length;
        out.push(undefined as never);
        out[slot] = await prepareDraft(db, call, sign);
      }
    }),
  );
  return out;
}

export const submitDraft = (call: Call, d: Draft, idempotencyKey: string) => call("POST", `/api/v1/applications/${d.id}/submit`, { json: { cms: d.cms }, headers: { "Idempotency-Key": idempotencyKey } });

export type RunStats = { concurrency: number; n: number; perSecond: number; p50: number; p95: number; p99: number; statuses: Record<string, number> };

/**
 * `op` over every item, `concurrency` at a time; `op` returns a status (HTTP status, or "ok" / an error
 * code). Throughput over the whole run, latency percentiles per item.
 */
export async function timedRun<T>(items: readonly T[], concurrency: number, op: (item: T) => Promise<number | string>): Promise<RunStats> {
  const times: number[] = [];
  const statuses = new Map<string, number>();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        const t = performance.now();
        const s = String(await op(items[i]!));
        times.push(performance.now() - t);
        statuses.set(s, (statuses.get(s) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { concurrency, n: items.length, perSecond: items.length / seconds, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), statuses: Object.fromEntries(statuses) };
}
