import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextCounterValue, prepareCounters } from "@/lib/platform/db";
import { nextRegistrationNumber } from "@/lib/cases/applications";
import { createTestDb, type TestDb } from "../../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

describe("the counter facility (lib/platform/db/counters.ts)", () => {
  it("creates a key's sequence on first use, also when 20 transactions race for it: distinct values 1…20", async () => {
    const values = await Promise.all(Array.from({ length: 20 }, () => t.db.$transaction((tx) => nextCounterValue(tx, "race:2026", "sequence"))));
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("holds no lock until commit: an open transaction that drew a number does not stop another one", async () => {
    // As the timed job counters.prepare leaves it: the year's sequence exists before the first request.
    await prepareCounters(t.db, ["application:2031", "application:2031"]);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let drawnInside = 0;
    const open = t.db.$transaction(async (tx) => {
      drawnInside = await nextCounterValue(tx, "application:2031", "sequence");
      await held;
    });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    const other = await t.db.$transaction((tx) => nextCounterValue(tx, "application:2031", "sequence"), { timeout: 3000, maxWait: 3000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(drawnInside).toBe(1);
    expect(other).toBe(2);
    release();
    await open;
  });

  it("a rollback leaves a gap, never a repeat; values keep increasing", async () => {
    const a = await nextCounterValue(t.db, "gap:2026", "sequence");
    await expect(
      t.db.$transaction(async (tx) => {
        await nextCounterValue(tx, "gap:2026", "sequence");
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const b = await nextCounterValue(t.db, "gap:2026", "sequence");
    expect(b).toBe(a + 2);
  });

  it("continues after the value the old row counter reached (no number twice across the switch)", async () => {
    await t.db.licenceNumberCounter.create({ data: { key: "application:2030", last: 41 } });
    const n = await t.db.$transaction((tx) => nextRegistrationNumber(tx, new Date("2030-03-01T05:00:00Z")));
    expect(n).toBe("EL-2030-0000042");
  });

  it("the gap-free kind stays gap-free (licence numbers per region)", async () => {
    expect(await nextCounterValue(t.db, "licence:2026:99", "gap-free")).toBe(1);
    await expect(
      t.db.$transaction(async (tx) => {
        await nextCounterValue(tx, "licence:2026:99", "gap-free");
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await nextCounterValue(t.db, "licence:2026:99", "gap-free")).toBe(2);
  });
});
