// The browser tests load the demo caseload into the database of a running portal, whose deadline
// sweep acts on the same cases meanwhile (applications laid out in the past are overdue at once).
// The load must still finish: a case the sweep moved keeps what the portal decided, and a failure
// must fail the load, never leave it hanging with its transactions open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepDeadlines } from "@/lib/cases/deadline-sweep";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { seedDemoAccounts } from "../../../prisma/seed/demo-accounts";
import { seedDemoCertificates } from "../../../prisma/seed/demo-certificates";
import { loadDemoCaseload } from "../../../prisma/seed/demo-caseload";

let t: TestDb;
const now = new Date("2026-12-07T05:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  await seedDemoAccounts(t.db);
  await seedDemoCertificates(t.db, { now });
}, 300_000);
afterAll(async () => {
  await t.drop();
});

describe("demo caseload beside a running deadline sweep", () => {
  it("finishes while the sweep acts on its cases", async () => {
    let loading = true;
    let overall = 0;
    const sweeping = (async () => {
      while (loading) {
        overall += (await sweepDeadlines(t.db, { now })).overallDeadlines;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      const r = await loadDemoCaseload(t.db, { now, scale: 0.25, log: () => {} });
      expect(r.loaded).toBe(true);
      expect(r.applications).toBeGreaterThan(0);
    } finally {
      loading = false;
      await sweeping;
    }
    // The race really happened: the sweep decided on overdue cases while they were being loaded.
    expect(overall).toBeGreaterThan(0);
  }, 600_000);
});
