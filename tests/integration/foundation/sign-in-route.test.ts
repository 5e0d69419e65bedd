import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { authenticateWithPassword, hashPassword } from "@/lib/platform/auth";
import { closeLimitsPool } from "@/lib/platform/limits";
import { createTestDb, type TestDb } from "../../support/test-db";

// The next-auth route's gate: throttled password sign-ins get 429 + Retry-After before next-auth runs (issue 13).
let t: TestDb;
type Post = (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
let POST: Post;
const saved = process.env.DATABASE_URL;
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  ({ POST } = (await import("@/app/api/auth/[...nextauth]/route")) as unknown as { POST: Post });
});
afterAll(async () => {
  const g = globalThis as { __db?: { $disconnect(): Promise<void> } };
  await g.__db?.$disconnect();
  delete g.__db;
  await closeLimitsPool();
  process.env.DATABASE_URL = saved;
  await t.drop();
});

const signIn = (body: string, xff: string) =>
  POST(
    new NextRequest("http://portal.test/api/auth/callback/password", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": xff },
      body,
    }),
    { params: Promise.resolve({ nextauth: ["callback", "password"] }) },
  );

describe("POST /api/auth/callback/password", () => {
  it("answers 429 with Retry-After to a throttled login, in next-auth's JSON shape, and audits it", async () => {
    const login = `gate-${Date.now()}`;
    await t.db.user.create({ data: { login, passwordHash: await hashPassword("right-password"), role: "EXECUTOR", surname: "A", givenName: "B" } });
    for (let i = 0; i < 5; i++) {
      await expect(authenticateWithPassword(t.db, { login, password: `bad-${i}` }, { now: new Date(), meta: { ip: "198.51.100.90" } })).rejects.toThrow("auth.invalid_credentials");
    }
    const r = await signIn(new URLSearchParams({ login, password: "right-password", json: "true" }).toString(), "10.0.0.1, 198.51.100.91");
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await r.json()) as { url: string; error: { code: string } };
    expect(new URL(body.url).searchParams.get("error")).toBe("auth.rate_limited");
    expect(body.error.code).toBe("auth.rate_limited");
    const audit = await t.db.auditEvent.findMany({ where: { type: "auth.rate_limited", entityId: login } });
    expect(audit.map((a) => a.ip)).toEqual(["198.51.100.91"]);
  });

  it("refuses a body over 16 KiB with 413 (F9)", async () => {
    const r = await signIn(`login=a&password=${"x".repeat(20_000)}`, "198.51.100.92");
    expect(r.status).toBe(413);
  });
});
