import { setApiRuntimeForTests } from "@/app/api/v1/_lib/runtime";
import type { UserActor } from "@/lib/platform/auth";
import { createTestDb, type TestDb } from "../../support/test-db";
import { testLimits, type TestLimits } from "../../support/limits";
import { loadReferenceData } from "../../support/reference-data";
import { tempStorage } from "../../factories/documents";

export type ApiTestEnvironment = { t: TestDb; limits: TestLimits; storage: Awaited<ReturnType<typeof tempStorage>>; close: () => Promise<void> };

/**
 * What every /api/v1 test file runs on: its own database with the reference data, file storage in a
 * temporary folder, the shared API limit (`limit` calls a minute), and the handlers' runtime pointed at
 * them (app/api/v1/_lib/runtime.ts) with the file's clock and portal session. `close` undoes it all.
 */
export async function apiTestEnvironment(o: { now: () => Date; limit?: number; sessionActor?: () => Promise<UserActor | null> }): Promise<ApiTestEnvironment> {
  const t = await createTestDb();
  const limits = testLimits(t.url);
  const apiLimit = limits.limiter("api", o.limit ?? 1000);
  await loadReferenceData(t.db);
  const storage = await tempStorage();
  const restore = setApiRuntimeForTests({
    db: () => t.db,
    now: o.now,
    storage: () => storage.storage,
    sessionActor: o.sessionActor ?? (async () => null),
    rateLimiter: () => apiLimit,
    publicBaseUrl: () => "http://portal.test",
  });
  return {
    t,
    limits,
    storage,
    close: async () => {
      restore();
      await limits.close();
      await storage.cleanup();
      await t.drop();
    },
  };
}
