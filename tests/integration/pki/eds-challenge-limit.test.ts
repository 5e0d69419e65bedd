import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeLimitsPool } from "@/lib/platform/limits";
import { createTestDb, type TestDb } from "../../support/test-db";

// The route handler itself: each challenge is a row, so an address may ask for a few a minute only (issue 13 F4).
let t: TestDb;
let POST: (req: Request) => Promise<Response>;
const saved = { url: process.env.DATABASE_URL, limit: process.env.PUBLIC_RATE_LIMIT_PER_MINUTE };
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = "5";
  ({ POST } = await import("@/app/api/auth/eds-challenge/route"));
});
afterAll(async () => {
  const g = globalThis as { __db?: { $disconnect(): Promise<void> } };
  await g.__db?.$disconnect();
  delete g.__db;
  await closeLimitsPool();
  process.env.DATABASE_URL = saved.url;
  if (saved.limit === undefined) delete process.env.PUBLIC_RATE_LIMIT_PER_MINUTE;
  else process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = saved.limit;
  await t.drop();
});

const ask = (xff: string) => POST(new Request("http://portal.test/api/auth/eds-challenge", { method: "POST", headers: { "x-forwarded-for": xff } }));

describe("POST /api/auth/eds-challenge", () => {
  it("gives an address PUBLIC_RATE_LIMIT_PER_MINUTE challenges a minute, then 429 with Retry-After and no row", async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 9; i++) {
      last = await ask(`172.16.${i}.1, 198.51.100.70`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await last!.json()).error).toMatchObject({ code: "api.rate_limited" });
    expect(await t.db.authChallenge.count()).toBe(5);
    expect((await ask("198.51.100.71")).status).toBe(200);
  });
});
