import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditBatch, deferInsert, flushDeferred, recordAudit } from "@/lib/platform/audit";
import { Prisma, type Tx } from "@/lib/platform/db";
import { createTestDb, type TestDb } from "../../support/test-db";

// Issue 14: a batch's audit rows and its deferred inserts reach the database in one statement, in
// the caller's transaction, and a failed batch writes none of them.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const at = new Date(Date.UTC(2026, 11, 7, 10, 0, 0));
const record = (scope: string, key: string) =>
  Prisma.sql`INSERT INTO "IdempotencyRecord" ("scope", "key", "operation", "requestHash", "status", "body", "createdAt", "expiresAt")
    VALUES (${scope}, ${key}, 'op', 'h', 201, '{}'::jsonb, ${at}, ${at})`;
const audit = (tx: Tx, entityId: string) => recordAudit(tx, { type: "test.batch", actor: { kind: "system", job: "test" }, at, entityType: "test", entityId });
const keysOf = async (tx: Tx | TestDb["db"], scope: string) => (await tx.idempotencyRecord.findMany({ where: { scope }, orderBy: { key: "asc" } })).map((r) => r.key);

/** The statements the transaction sends while `fn` runs (counted on the driver). */
async function statementsOf(fn: (tx: Tx) => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  await t.db.$transaction(async (tx) => {
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function recorded(this: pg.Client, ...args: unknown[]) {
      const q = args[0] as string | { text: string };
      sent.push(typeof q === "string" ? q : q.text);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await fn(tx);
    } finally {
      pg.Client.prototype.query = original;
    }
  });
  return sent;
}

describe("auditBatch with deferred inserts", () => {
  it("writes the deferred inserts and the audit rows in one statement at the end of the batch", async () => {
    const scope = `batch-${Date.now()}`;
    const sent = await statementsOf((tx) =>
      auditBatch(tx, async () => {
        await deferInsert(tx, record(scope, "a"));
        await audit(tx, scope);
        await deferInsert(tx, record(scope, "b"));
      }),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^\s*WITH deferred_0 AS/);
    expect(await keysOf(t.db, scope)).toEqual(["a", "b"]);
    expect(await t.db.auditEvent.count({ where: { entityId: scope } })).toBe(1);
  });

  it("flushDeferred makes the inserts so far visible to what follows in the batch", async () => {
    const scope = `flush-${Date.now()}`;
    let seen: string[] = [];
    await t.db.$transaction((tx) =>
      auditBatch(tx, async () => {
        await deferInsert(tx, record(scope, "a"));
        expect(await keysOf(tx, scope)).toEqual([]);
        await flushDeferred(tx);
        seen = await keysOf(tx, scope);
        await deferInsert(tx, record(scope, "b"));
      }),
    );
    expect(seen).toEqual(["a"]);
    expect(await keysOf(t.db, scope)).toEqual(["a", "b"]);
  });

  it("outside a batch an insert runs at once; a batch that throws writes nothing", async () => {
    const scope = `none-${Date.now()}`;
    await t.db.$transaction(async (tx) => {
      await deferInsert(tx, record(scope, "now"));
      expect(await keysOf(tx, scope)).toEqual(["now"]);
      await expect(
        auditBatch(tx, async () => {
          await deferInsert(tx, record(scope, "never"));
          await audit(tx, scope);
          throw new Error("refused");
        }),
      ).rejects.toThrow("refused");
    });
    expect(await keysOf(t.db, scope)).toEqual(["now"]);
    expect(await t.db.auditEvent.count({ where: { entityId: scope } })).toBe(0);
  });
});
