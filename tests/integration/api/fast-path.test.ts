import http from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_FAST_PATH_KEY, API_ROUTES, publishApiFastPath } from "@/app/api/v1/_lib/routes";
import { withApiFastPath } from "@/scripts/serve.mjs";
import type { TestDb } from "../../support/test-db";
import { uniqueIin } from "../../factories";
import { createApiApplicant, createPaidPayment } from "../../factories/api";
import { pdfBytes } from "../../factories/documents";
import { apiTestEnvironment, type ApiTestEnvironment } from "./environment";
import { ApiClient, fetchDocument, loadRoutes, scrapMetalIssueForm } from "./harness";
import { keyPool, legalEntityEds } from "./eds";

/**
 * Issue 14: the /api/v1 fast path of scripts/serve.mjs — an integrator's call (with Authorization)
 * goes from a real node:http server to the route handlers without Next. The server here is the
 * production listener (withApiFastPath) with what instrumentation.ts publishes (publishApiFastPath);
 * a stand-in for Next answers everything the fast path leaves to Next, marked so the tests see who
 * served a request. The handlers run on this file's database (setApiRuntimeForTests).
 */
const NOW = new Date("2026-11-30T05:00:00Z"); // Monday, 10:00 in Almaty
let clock = NOW;
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let env: ApiTestEnvironment;
let t: TestDb;
let server: http.Server;
let base: string;
let api: ApiClient;
let applicant: Awaited<ReturnType<typeof createApiApplicant>>;
let eds: Awaited<ReturnType<typeof legalEntityEds>>;

beforeAll(async () => {
  env = await apiTestEnvironment({ now: () => clock });
  t = env.t;
  applicant = await createApiApplicant(t.db, NOW, "fast-path");
  eds = await legalEntityEds(t.db, { bin: applicant.subject.identifier, iin: uniqueIin(), now: NOW, keys: keyPool() });

  publishApiFastPath({ NODE_ENV: "production", NEXTAUTH_URL: "https://portal.example.kz" });
  server = http.createServer(
    withApiFastPath((_req, res) => {
      res.writeHead(404, { "content-type": "application/json", "x-served-by": "next-stand-in" });
      res.end(JSON.stringify({ error: { code: "errors.not_found", message: "Not found." } }));
    }) as http.RequestListener,
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const routes = await loadRoutes();
  api = new ApiClient(await fetchDocument(routes), routes, applicant.token, base);
});
afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[API_FAST_PATH_KEY];
  await new Promise((resolve) => server?.close(resolve));
  await env?.close();
});

const auth = () => ({ authorization: `Bearer ${applicant.token}` });

describe("the route table", () => {
  it("holds every withApi handler under app/api/v1, with its operation's method", async () => {
    const root = path.resolve("app/api/v1");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("route.ts"));
    const found: unknown[] = [];
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [method, handler] of Object.entries(mod)) {
        if (typeof handler !== "function" || !("operation" in handler)) continue;
        expect((handler as { operation: { method: string } }).operation.method, file).toBe(method);
        found.push(handler);
      }
    }
    expect(found.length).toBe(API_ROUTES.length);
    expect(new Set(found)).toEqual(new Set(API_ROUTES));
  });
});

describe("an integrator's calls over HTTP", () => {
  it("create, fill, attach (multipart), pay, sign and submit; a retry replays the 201, another body is 422", async () => {
    const created = await api.call("createApplication", { json: { serviceCode: "scrap-metal-licence", variant: "issue", organisationCode: "aktobe" } });
    expect(created.status).toBe(201);
    expect(created.headers.get("x-served-by")).toBeNull();
    const id = created.body.id as string;
    const service = await api.call("getService", { params: { serviceCode: "scrap-metal-licence" } });
    const formData = scrapMetalIssueForm(service);
    expect((await api.call("saveDraft", { params: { id }, json: { expectedVersion: 0, formData } })).body).toEqual({ id, version: 1, formData });
    for (const slotKey of ["charter_scan", "qualification_documents"]) {
      const form = new FormData();
      form.set("slotKey", slotKey);
      form.set("file", new File([pdfBytes(slotKey) as BlobPart], `${slotKey}.pdf`, { type: "application/pdf" }));
      const up = await api.call("uploadDocument", { params: { id }, form });
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      expect(up.body).toMatchObject({ slotKey, fileName: `${slotKey}.pdf`, mimeType: "application/pdf" });
    }
    await createPaidPayment(t.db, id, later(10));
    clock = later(15);
    const signing = await api.call("getSigningRequest", { params: { id } });
    expect(signing.body.readiness).toEqual({ ready: true, paid: true, missingSlots: [], formErrors: {} });
    const cms = Buffer.from(eds.sign(new Uint8Array(Buffer.from(signing.body.contentBase64 as string, "base64")), clock)).toString("base64");

    const key = { "idempotency-key": `fast-path-${id}` };
    const first = await api.call("submitApplication", { params: { id }, json: { cms }, headers: key });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.registrationNumber).toMatch(/^EL-2026-\d{7}$/);
    const again = await api.call("submitApplication", { params: { id }, json: { cms }, headers: key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await api.call("submitApplication", { params: { id }, json: { cms: cms.slice(4) }, headers: key });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: "api.idempotency_mismatch" });
    expect(await t.db.application.count({ where: { id, registrationNumber: first.body.registrationNumber as string } })).toBe(1);

    const got = await api.call("getApplication", { params: { id } });
    expect(got.body).toMatchObject({ id, status: "SUBMITTED", registrationNumber: first.body.registrationNumber });
    const list = await api.call("listApplications", { query: { limit: "10" } });
    expect(list.body).toMatchObject({ items: [{ id, status: "SUBMITTED" }] });
  });

  it("carries the headers Next would add: the static ones, HSTS behind HTTPS, gzip for large bodies", async () => {
    const res = await fetch(`${base}/api/v1/openapi.json`, { headers: { ...auth(), "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-served-by")).toBeNull();
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toContain("Accept-Encoding");
    expect(Object.fromEntries(["x-content-type-options", "referrer-policy", "x-frame-options", "strict-transport-security", "cache-control"].map((h) => [h, res.headers.get(h)]))).toEqual({
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
      "strict-transport-security": "max-age=63072000; includeSubDomains",
      "cache-control": "no-store",
    });
    expect(((await res.json()) as { openapi: string }).openapi).toBe("3.1.0");

    // A client that refuses gzip gets the body as it is.
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      http
        .get(`${base}/api/v1/openapi.json`, { headers: { ...auth(), "accept-encoding": "gzip;q=0, identity" } }, (r) => {
          const chunks: Buffer[] = [];
          r.on("data", (c: Buffer) => chunks.push(c));
          r.on("end", () => resolve({ encoding: r.headers["content-encoding"], body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
    expect(raw.encoding).toBeUndefined();
    expect(() => gunzipSync(raw.body)).toThrow();
    expect(JSON.parse(raw.body.toString("utf8")).openapi).toBe("3.1.0");
  });

  it("answers bad input as the handlers do: invalid token 401, malformed JSON 400, a body over the limit 413, unknown id 404", async () => {
    const invalidToken = await fetch(`${base}/api/v1/applications`, { headers: { authorization: "Bearer elk_nope" } });
    expect(invalidToken.status).toBe(401);
    expect(((await invalidToken.json()) as { error: { code: string } }).error.code).toBe("api.invalid_token");

    const malformed = await fetch(`${base}/api/v1/applications`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body: "{nope" });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("x-served-by")).toBeNull();

    const huge = await fetch(`${base}/api/v1/applications`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body: JSON.stringify({ pad: "x".repeat(200_000) }) });
    expect(huge.status).toBe(413);

    const unknown = await fetch(`${base}/api/v1/applications/${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}`, { headers: auth() });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-served-by")).toBeNull();
  });

  it("leaves to Next what needs it or is not an operation: no Authorization, HEAD, other methods, trailing slash, other paths", async () => {
    const cases: [string, RequestInit][] = [
      ["/api/v1/catalogue", {}],
      ["/api/v1/catalogue", { method: "HEAD", headers: auth() }],
      ["/api/v1/catalogue", { method: "DELETE", headers: auth() }],
      ["/api/v1/catalogue/", { headers: auth() }],
      ["/api/v1/licences/EL-2026-0000001/verification", { headers: auth() }],
      ["/api/applications", { headers: auth() }],
      ["/api/v1/catalogue/%E0%A4%A", { headers: auth() }],
    ];
    for (const [url, init] of cases) {
      const res = await fetch(`${base}${url}`, init).catch((e: unknown) => { throw new Error(`${init.method ?? "GET"} ${url}`, { cause: e }); });
      expect(res.headers.get("x-served-by"), `${init.method ?? "GET"} ${url}`).toBe("next-stand-in");
    }
    // With a token the same catalogue request is the fast path's.
    const served = await fetch(`${base}/api/v1/catalogue?locale=kk`, { headers: auth() });
    expect(served.status).toBe(200);
    expect(served.headers.get("x-served-by")).toBeNull();
  });
});
