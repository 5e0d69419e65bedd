import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { poolConfigFromUrl } from "./pool-config";
import { CapturingPool, directTransaction, runSql } from "./direct";
import type { Prisma } from "./generated/client";

function createClient(url: string | undefined) {
  // Our own pool (not the adapter's), so that a transaction's raw SQL can run on its connection
  // (lib/platform/db/direct.ts); the client still ends the pool on $disconnect.
  const pool = new CapturingPool({ ...poolConfigFromUrl(url), max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Prisma's defaults (2 s to get a connection, 5 s per transaction) turn a CPU stall or a burst
    // into 500s of transactions that would have committed: a submission verifies a signature
    // inside its transaction. Seen in the failover test on a busy machine (tests/cluster).
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    // The password hash never leaves the data layer unless a query asks for it explicitly.
    omit: { user: { passwordHash: true } },
  });
  // Every interactive transaction runs its raw statements on the driver (issue 14); the batch form
  // (an array of queries) is Prisma's own.
  const prismaTransaction = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  client.$transaction = ((arg: unknown, options?: unknown) =>
    typeof arg === "function" ? directTransaction(prismaTransaction, arg as (tx: object) => Promise<unknown>, options) : prismaTransaction(arg, options)) as typeof client.$transaction;
  pools.set(client, pool);
  return client;
}

const pools = new WeakMap<object, CapturingPool>();

export type Db = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Either the client or a transaction: use cases accept both. */
export type DbOrTx = Db | Tx;

const globalForDb = globalThis as unknown as { __db?: Db };

/** One client per process (dev hot reload keeps the global). */
export function getDb(): Db {
  globalForDb.__db ??= createClient(process.env.DATABASE_URL);
  return globalForDb.__db;
}

/** A separate client for scripts and tests that target another database. */
export function createDb(url: string): Db {
  return createClient(url);
}

/**
 * A raw read outside a transaction on the client's pool directly (issue 14: every API request
 * starts with the token lookup); in a transaction, or on a client without our pool, the same
 * query through `db`. Results as `$queryRaw` gives them (lib/platform/db/direct.ts).
 */
export async function queryRaw<T>(db: DbOrTx, query: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(db);
  return pool ? (await runSql<T>(pool, query.text, query.values)).rows : db.$queryRaw<T[]>(query);
}
