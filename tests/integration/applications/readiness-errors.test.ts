import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readiness } from "@/lib/cases/applications";
import type { Db } from "@/lib/platform/db";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createPaidPayment } from "../../factories/api";
import { createDocumentScenario } from "../../factories/documents";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

describe("readiness", () => {
  it("says paid or unpaid from the payments", async () => {
    const s = await createDocumentScenario(t.db);
    expect((await readiness(t.db, s.application)).paid).toBe(false);
    await createPaidPayment(t.db, s.application.id, new Date("2026-11-30T05:00:00Z"));
    expect((await readiness(t.db, s.application)).paid).toBe(true);
  });

  it("lets a failed query through instead of calling the draft unpaid (a 402 for a paid draft)", async () => {
    const s = await createDocumentScenario(t.db);
    await createPaidPayment(t.db, s.application.id, new Date("2026-11-30T05:00:00Z"));
    // Fault injection: the payment query fails as it does in an expired transaction.
    const failing = new Proxy(t.db, {
      get: (target, prop, receiver) =>
        prop === "payment" ? { count: async () => Promise.reject(new Error("Transaction API error: expired transaction")) } : Reflect.get(target, prop, receiver),
    }) as Db;
    await expect(readiness(failing, s.application)).rejects.toThrow("expired transaction");
  });
});
