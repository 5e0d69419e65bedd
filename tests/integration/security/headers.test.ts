import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { FILE_CSP, nonceOf } from "@/lib/platform/http";
import { getSandboxCa } from "@/lib/trust/certificates";
import { createTestDb, type TestDb } from "../../support/test-db";
import { keyPool, NOW } from "../pki/helpers";

// Issue 13, F6: the proxy (middleware) puts a fresh nonce CSP on every page and hands the nonce to
// Next.js through the request headers; HSTS only behind HTTPS; file routes answer as sandboxed
// attachments. The real proxy and route modules, called with Request objects.

type Proxy = (req: NextRequest) => Promise<Response>;
let proxy: Proxy;
let t: TestDb;
const saved = { url: process.env.DATABASE_URL, nextauth: process.env.NEXTAUTH_URL };

beforeAll(async () => {
  proxy = (await import("@/proxy")).default as Proxy;
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  await getSandboxCa(t.db, { now: NOW, crlUrl: "http://portal.test/api/pki/crl", keyGenerator: keyPool(2, 0) });
}, 120_000);
afterAll(async () => {
  const g = globalThis as { __db?: { $disconnect(): Promise<void> } };
  await g.__db?.$disconnect();
  delete g.__db;
  process.env.DATABASE_URL = saved.url;
  process.env.NEXTAUTH_URL = saved.nextauth;
  await t.drop();
});

const page = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://portal.test${path}`, { headers }));

describe("proxy.ts: page headers", () => {
  it("a page gets a CSP with a fresh nonce, and Next gets the same policy and nonce on the request", async () => {
    process.env.NEXTAUTH_URL = "http://portal.test";
    const a = await page("/kk/sign-in");
    const b = await page("/kk/sign-in");
    const csp = a.headers.get("content-security-policy")!;
    const nonce = nonceOf(csp)!;
    expect(nonce).toBeTruthy();
    expect(nonceOf(b.headers.get("content-security-policy")!)).not.toBe(nonce);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    // Next's request-header override: the page renders with these request headers.
    const overridden = a.headers.get("x-middleware-override-headers")!.split(",");
    expect(overridden).toEqual(expect.arrayContaining(["x-nonce", "content-security-policy", "x-next-intl-locale"]));
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    // The visitor's own headers still reach the page (cookies for the session).
    const withCookie = await page("/ru/applicant", { cookie: "next-auth.session-token=abc" });
    expect(withCookie.headers.get("x-middleware-request-cookie")).toBe("next-auth.session-token=abc");
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("a locale redirect carries the policy too, and behind HTTPS every answer has HSTS", async () => {
    process.env.NEXTAUTH_URL = "https://e-license.example.kz";
    const r = await page("/");
    expect(r.status).toBeGreaterThanOrEqual(300);
    expect(r.status).toBeLessThan(400);
    expect(r.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(r.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const api = await page("/api/health");
    expect(api.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    // API answers get no page policy from the proxy and no request rewrite (a callback's body is untouched).
    expect(api.headers.get("content-security-policy")).toBeNull();
    expect(api.headers.get("x-middleware-override-headers")).toBeNull();
  });
});

describe("file routes: sandboxed attachments", () => {
  const expectFileHeaders = (res: Response) => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    expect(res.headers.get("content-security-policy")).toBe(FILE_CSP);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  };

  it("CA certificates (PEM and DER) and the CRL", async () => {
    const ca = await import("@/app/api/pki/ca/route");
    const crl = await import("@/app/api/pki/crl/route");
    const ctx = { params: Promise.resolve({}) };
    const pem = await ca.GET(new Request("http://portal.test/api/pki/ca"), ctx);
    expectFileHeaders(pem);
    expect(pem.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(await pem.text()).toContain("BEGIN CERTIFICATE");
    expectFileHeaders(await ca.GET(new Request("http://portal.test/api/pki/ca?cert=root&format=der"), ctx));
    const list = await crl.GET(new Request("http://portal.test/api/pki/crl"), ctx);
    expectFileHeaders(list);
    expect(list.headers.get("content-type")).toBe("application/pkix-crl");
    expect(list.headers.get("cache-control")).toBe("public, max-age=60");
  });
});
