import { setApiRuntimeForTests } from "@/app/api/v1/_lib/runtime";
import { setRouteSessionForTests } from "@/app/_server/route";
import { closeLimitsPool } from "@/lib/platform/limits";
import { testLimits } from "../../support/limits";
import type { UserActor } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { tempStorage } from "../../factories/documents";
import { TEST_SECRET } from "../../factories/payments";

export const BASE = "http://portal.test";

/**
 * Every route handler callable without Next: a fresh database with the reference data, the routes
 * outside /api/v1 pointed at it through the environment (DATABASE_URL, UPLOAD_DIR, the gateway
 * secret), /api/v1 through `setApiRuntimeForTests`, and the session actor of both set by the test
 * (`env.caller = …`). `close()` restores everything.
 */
export async function openRouteEnv(o: { now?: () => Date } = {}) {
  const t: TestDb = await createTestDb();
  await loadReferenceData(t.db);
  const storage = await tempStorage();
  const saved = { url: process.env.DATABASE_URL, secret: process.env.PAYMENT_GATEWAY_SECRET, upload: process.env.UPLOAD_DIR };
  process.env.DATABASE_URL = t.url;
  process.env.PAYMENT_GATEWAY_SECRET = TEST_SECRET;
  process.env.UPLOAD_DIR = storage.dir;
  const g = globalThis as { __db?: { $disconnect(): Promise<void> } };
  const dropProcessClient = async () => {
    await g.__db?.$disconnect();
    delete g.__db;
  };
  await dropProcessClient();
  const limits = testLimits(t.url);
  const apiLimiter = limits.limiter("api-fuzz", 1_000_000);
  const env = {
    db: t.db,
    storage,
    caller: null as UserActor | null,
    close: async () => {
      for (const r of restores.reverse()) r();
      await dropProcessClient();
      // The limiters' pools (this test's and the process's public-endpoint one) before the drop.
      await limits.close();
      await closeLimitsPool();
      process.env.DATABASE_URL = saved.url;
      process.env.PAYMENT_GATEWAY_SECRET = saved.secret;
      process.env.UPLOAD_DIR = saved.upload;
      await storage.cleanup();
      await t.drop();
    },
  };
  const restores = [
    setApiRuntimeForTests({
      db: () => t.db,
      ...(o.now ? { now: o.now } : {}),
      storage: () => storage.storage,
      sessionActor: async () => env.caller,
      rateLimiter: () => apiLimiter,
      publicBaseUrl: () => BASE,
    }),
    setRouteSessionForTests(async () => env.caller),
  ];
  return env;
}
export type TRouteEnv = Awaited<ReturnType<typeof openRouteEnv>>;
