import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDirect, Prisma, queryRaw, throughPrisma, type Tx } from "@/lib/platform/db";
import { createTestDb, type TestDb } from "../../support/test-db";

// Issue 14: the hot write paths run their raw SQL on the transaction's pg connection instead of
// through the Prisma client. The results must be those Prisma's raw queries give, in the same
// transaction.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const at = new Date(Date.UTC(2026, 11, 7, 18, 30, 15, 123));

/** Every kind of value the portal's raw SQL reads and writes, sent as parameters and read back. */
const everyType = (tx: Pick<Tx, "$queryRaw">) => tx.$queryRaw<Record<string, unknown>[]>`
  SELECT
    ${42}::int AS int4, ${BigInt("9007199254740993")}::bigint AS int8, count(*) AS counted,
    ${new Prisma.Decimal("12345.67")}::numeric(10,2) AS num, ${1.5}::float8 AS float8, ${true} AS bool,
    ${at}::timestamp AS ts, ${at}::timestamptz AS tstz, ${at}::date AS day, '2026-03-08'::date AS literal_day,
    '10:15:00'::time AS t,
    ${JSON.stringify({ a: [1, "x"], b: null })}::jsonb AS jsonb, json_build_object('k', 1) AS json,
    ${["a", "b"]}::text[] AS texts, ARRAY[1, 2]::bigint[] AS int8s, ARRAY[${at}::timestamp] AS stamps,
    length(${Buffer.from("bytes")}::bytea) AS bytes, 'APPLICANT'::"Role" AS role, ${null}::text AS nothing,
    gen_random_uuid()::text <> '' AS uuid_ok
  FROM (VALUES (1), (2)) v(x)`;

describe("raw SQL of a transaction on its connection (lib/platform/db/direct.ts)", () => {
  it("gives the raw statements of every interactive transaction to the driver", async () => {
    const seen = await t.db.$transaction(async (tx) => ({ direct: isDirect(tx), underneath: isDirect(throughPrisma(tx)) }));
    expect(seen).toEqual({ direct: true, underneath: false });
  });

  it("reads and writes every type as Prisma's raw queries do", async () => {
    const { viaPrisma, viaDriver } = await t.db.$transaction(async (tx) => ({ viaPrisma: await everyType(throughPrisma(tx)), viaDriver: await everyType(tx) }));
    expect(viaDriver).toEqual(viaPrisma);
    const [row] = viaDriver;
    expect(row!.int8).toBe(BigInt("9007199254740993"));
    expect(row!.counted).toBe(2n);
    expect((row!.num as Prisma.Decimal).toString()).toBe("12345.67");
    expect(row!.ts).toEqual(at);
    expect(row!.tstz).toEqual(at);
    expect(row!.day).toEqual(new Date(Date.UTC(2026, 11, 7)));
    expect(row!.stamps).toEqual([at]);
  });

  it("queryRaw outside a transaction reads on the pool what $queryRaw reads", async () => {
    const query = (tx: Pick<Tx, "$queryRaw">) => everyType(tx);
    const viaPrisma = await query(t.db);
    const viaPool = await query({ $queryRaw: ((sql: TemplateStringsArray, ...values: unknown[]) => queryRaw(t.db, Prisma.sql(sql, ...values))) as Tx["$queryRaw"] });
    expect(viaPool).toEqual(viaPrisma);
  });

  it("is one transaction with the model calls: what one writes the other sees, a failure undoes both", async () => {
    const code = `direct-${Date.now()}`;
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "IdempotencyRecord" ("scope", "key", "operation", "requestHash", "status", "body", "createdAt", "expiresAt")
          VALUES (${code}, 'k', 'op', 'h', 201, '{}'::jsonb, ${at}, ${at})`;
        const seen = await tx.idempotencyRecord.findUnique({ where: { scope_key: { scope: code, key: "k" } } });
        expect(seen?.createdAt).toEqual(at);
        await tx.idempotencyRecord.update({ where: { scope_key: { scope: code, key: "k" } }, data: { status: 202 } });
        const [back] = await tx.$queryRaw<{ status: number }[]>`SELECT "status" FROM "IdempotencyRecord" WHERE "scope" = ${code}`;
        expect(back!.status).toBe(202);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await t.db.idempotencyRecord.count({ where: { scope: code } })).toBe(0);

    await t.db.$transaction((tx) => tx.$executeRawUnsafe(`INSERT INTO "IdempotencyRecord" ("scope", "key", "operation", "requestHash", "status", "body", "createdAt", "expiresAt") VALUES ($1, 'k', 'op', 'h', 201, '{}'::jsonb, $2, $2)`, code, at));
    expect((await t.db.idempotencyRecord.findUniqueOrThrow({ where: { scope_key: { scope: code, key: "k" } } })).expiresAt).toEqual(at);
  });

  it("refuses raw statements once Prisma has closed the transaction (its timeout): the connection may serve another one", async () => {
    let late: Promise<unknown> | undefined;
    await expect(
      t.db.$transaction(
        async (tx) => {
          await new Promise((r) => setTimeout(r, 400));
          late = tx.$queryRaw`SELECT 1`;
          await late;
        },
        { timeout: 100 },
      ),
    ).rejects.toThrow();
    await expect(late).rejects.toThrow(/closed/);
  });

  it("concurrent transactions each run on their own connection, the one Prisma uses for them", async () => {
    const scope = `direct-many-${Date.now()}`;
    const n = 6;
    const barrier = () => {
      let arrived = 0;
      let open: () => void = () => {};
      const opened = new Promise<void>((r) => (open = r));
      return () => (++arrived === n && open(), opened);
    };
    const [written, read] = [barrier(), barrier()];
    const seen = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        t.db.$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO "IdempotencyRecord" ("scope", "key", "operation", "requestHash", "status", "body", "createdAt", "expiresAt")
            VALUES (${scope}, ${String(i)}, 'op', 'h', 201, '{}'::jsonb, ${at}, ${at})`;
          await written(); // every row is written, none committed
          const [direct] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          const [prisma] = await throughPrisma(tx).$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          // Through Prisma, in the same transaction: its own row only.
          const keys = (await tx.idempotencyRecord.findMany({ where: { scope }, select: { key: true } })).map((r) => r.key);
          await read(); // nobody commits before everybody has read
          return { keys, sameConnection: direct!.pid === prisma!.pid, pid: direct!.pid };
        }),
      ),
    );
    expect(seen.map((s) => s.keys)).toEqual(Array.from({ length: n }, (_, i) => [String(i)]));
    expect(seen.every((s) => s.sameConnection)).toBe(true);
    expect(new Set(seen.map((s) => s.pid)).size).toBe(n);
    expect(await t.db.idempotencyRecord.count({ where: { scope } })).toBe(n);
  });
});
