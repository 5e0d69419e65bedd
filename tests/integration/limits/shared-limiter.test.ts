import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../support/test-db";
import { testLimits, type TestLimits } from "../../support/limits";

/**
 * Two (three) portal instances = independent limiter objects over separate pools on one database:
 * the limit is shared (issue 15 item 1; tests/cluster/failover.test.ts checks it through HAProxy).
 */
let t: TestDb;
const instances: TestLimits[] = [];

beforeAll(async () => {
  t = await createTestDb();
  for (let i = 0; i < 3; i++) instances.push(testLimits(t.url));
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.close()));
  await t?.drop();
});

describe("shared rate limiter in PostgreSQL", () => {
  it("allows `limit` hits per key across instances, concurrent ones included; other keys are unaffected", async () => {
    const limiters = instances.map((i) => i.limiter("api", 10));
    const now = new Date();
    const decisions = await Promise.all(Array.from({ length: 36 }, (_, n) => limiters[n % 3]!.hit("token:t1", now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    const refused = decisions.find((d) => !d.allowed)!;
    expect(refused).toMatchObject({ limit: 10, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.resetAt.getTime() - now.getTime()).toBeGreaterThan(58_000);
    // One row per key, in the migrated table.
    const rows = await t.db.rateLimit.findMany({ where: { key: { startsWith: "api:" } } });
    expect(rows.map((r) => [r.key, r.points])).toEqual([["api:token:t1", 36]]);
    expect((await limiters[1]!.hit("token:t2", now)).allowed).toBe(true);
  });

  it("counts down `remaining` on whichever instance answers; peek does not count; reset clears the key everywhere", async () => {
    const [a, b] = instances.map((i) => i.limiter("login-ip", 3));
    const now = new Date();
    expect(await a!.hit("ip:203.0.113.7", now)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await b!.hit("ip:203.0.113.7", now)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await b!.peek("ip:203.0.113.7", now)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await a!.hit("ip:203.0.113.7", now)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await b!.peek("ip:203.0.113.7", now)).toMatchObject({ allowed: false, remaining: 0 });
    expect((await b!.hit("ip:203.0.113.7", now)).allowed).toBe(false);
    await a!.reset("ip:203.0.113.7");
    expect(await b!.hit("ip:203.0.113.7", now)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("opens again when the window has passed", async () => {
    const [a, b] = instances.map((i) => i.limiter("short", 1, 1));
    expect((await a!.hit("k", new Date())).allowed).toBe(true);
    expect((await b!.hit("k", new Date())).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await b!.hit("k", new Date())).allowed).toBe(true);
  });

  it("keeps overlong keys within the column", async () => {
    const l = instances[0]!.limiter("long", 2);
    const key = `login:${"x".repeat(400)}`;
    expect((await l.hit(key, new Date())).allowed).toBe(true);
    expect((await l.hit(key, new Date())).allowed).toBe(true);
    expect((await l.hit(key, new Date())).allowed).toBe(false);
  });
});
