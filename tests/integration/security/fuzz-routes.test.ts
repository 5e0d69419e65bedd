import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { createApplication, createOrganisation, createSubject, createUser } from "../../factories";
import { BASE, openRouteEnv, type TRouteEnv } from "./route-env";
import { countRows, MALFORMED_TEXT, malformedBody, malformedQuery, malformedSegment, type TMalformedBody } from "./malformed";

/**
 * Issue 13 F3: no input answers 5xx. Every route handler under app/api (found by a glob, so a new
 * route is fuzzed without editing this file) is called directly with generated malformed path
 * segments, queries and bodies, as four callers (anonymous, applicant, officer, supervisor/admin).
 * Every answer must be below 500, and a refused request (4xx) must leave the main tables as they
 * were. next-auth's own handler needs Next's request context, so it gets only requests its guard
 * refuses (see tests/integration/security/next-auth-guard.test.ts).
 */

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", Handler>>;
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

const modules = import.meta.glob<RouteModule>("/app/api/**/route.ts");
/** Requests per (route, caller): 25 routes × 5 callers × 17 + the two PDF renderers ≥ 2,000 in all. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 17);
/** Routes that render a PDF for a plausible request: fewer runs keep the file fast. */
const HEAVY = new Set(["/app/api/supervisor/report.pdf/route.ts", "/app/api/licences/[id]/pdf/route.ts"]);

let env: TRouteEnv;
const callers: Record<string, UserActor | null> = { anonymous: null };
const knownIds: string[] = [];
let total = 0;

beforeAll(async () => {
  env = await openRouteEnv();
  const organisation = await createOrganisation(db());
  const subject = await createSubject(db());
  callers.applicant = (await createUser(db(), "APPLICANT", { subjectId: subject.id })).actor;
  callers.officer = (await createUser(db(), "OFFICE_CLERK", { organisationId: organisation.id })).actor;
  callers.supervisor = (await createUser(db(), "SUPERVISOR", { supervisorScope: "ALL" })).actor;
  callers.admin = (await createUser(db(), "ADMIN")).actor;
  const app = await createApplication(db(), { organisationId: organisation.id, subjectId: subject.id, createdById: callers.applicant.userId, status: "DRAFT" });
  knownIds.push(app.id);
});
afterAll(async () => env?.close());

function db() {
  return env.db;
}

/** "/app/api/v1/applications/[id]/route.ts" → the URL template and its dynamic segments. */
function routeShape(file: string): { template: string; segments: { name: string; catchAll: boolean }[] } {
  const dir = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "");
  const segments = [...dir.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((m) => ({ name: m[2]!, catchAll: !!m[1] }));
  return { template: dir, segments };
}

/** What a URL can carry (a lone surrogate arrives as U+FFFD); the handler still gets the raw value as its params. */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

function buildRequest(template: string, method: string, segValues: Record<string, string>, query: [string, string][], body: TMalformedBody | null): Request {
  const path = template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, n: string) => encodeURIComponent(wellFormed(segValues[n]!)));
  const url = new URL(path, BASE);
  for (const [k, v] of query) url.searchParams.append(k, v);
  const headers = new Headers({ origin: BASE, host: "portal.test" });
  if (!body || method === "GET" || method === "DELETE") return new Request(url, { method, headers });
  if (body.contentType) headers.set("content-type", body.contentType);
  for (const [k, v] of Object.entries(body.headers ?? {})) headers.set(k, v);
  return new Request(url, { method, headers, body: body.bytes as BodyInit });
}

const routeFiles = Object.keys(modules)
  .filter((f) => !f.includes("[...nextauth]"))
  .sort();

describe("fuzz: every route handler under app/api", () => {
  it("finds the routes (the glob works)", () => {
    expect(routeFiles.length).toBeGreaterThan(25);
    expect(routeFiles).toContain("/app/api/payments/callback/route.ts");
  });

  it.each(routeFiles)("%s: no 5xx and no change on refusal", async (file) => {
    const mod = await modules[file]!();
    const methods = METHODS.filter((m) => typeof mod[m] === "function");
    expect(methods.length).toBeGreaterThan(0);
    const { template, segments } = routeShape(file);
    const failures: string[] = [];
    const runs = HEAVY.has(file) ? Math.ceil(RUNS / 4) : RUNS;
    let calls = 0;
    // The counts before the current request: a refusal must leave them as they are; after an
    // accepted request they are taken again (one query per request).
    let before = await countRows(db());
    for (const who of Object.keys(callers)) {
      env.caller = callers[who]!;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...methods),
          fc.record(Object.fromEntries(segments.map((s) => [s.name, malformedSegment(knownIds)]))) as fc.Arbitrary<Record<string, string>>,
          malformedQuery(),
          fc.option(malformedBody(), { nil: null }),
          async (method, segValues, query, body) => {
            calls++;
            const req = buildRequest(template, method, segValues, query, body);
            const params = Object.fromEntries(segments.map((s) => [s.name, s.catchAll ? [segValues[s.name]!] : segValues[s.name]!]));
            const res = await mod[method]!(req, { params: Promise.resolve(params) });
            await res.arrayBuffer().catch(() => undefined);
            const what = `${who} ${method} ${req.url} ${body ? `${body.contentType} ${body.label}` : ""} → ${res.status}`;
            if (res.status >= 500) failures.push(what);
            const after = await countRows(db());
            if (res.status >= 400 && JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${what}: rows changed ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
            before = after;
            return true;
          },
        ),
        { numRuns: runs, seed: 20261207 + who.length, endOnFailure: true },
      );
    }
    expect(calls).toBe(runs * Object.keys(callers).length);
    total += calls;
    expect(failures.slice(0, 10)).toEqual([]);
  }, 120_000);

  it("sent at least 2,000 malformed requests", () => {
    expect(total).toBeGreaterThanOrEqual(RUNS >= 17 ? 2000 : 0);
  });

  it("the malformed alphabet holds what the report found (NUL, lone surrogates, far dates, broken cursors)", () => {
    expect(MALFORMED_TEXT).toEqual(expect.arrayContaining(["\u0000", "\ud800", "0001-01-01", "9999-12-31"]));
  });
});
