import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { poolConfigFromUrl } from "./pool-config";

function createClient(url: string | undefined) {
  return new PrismaClient({
    adapter: new PrismaPg({ ...poolConfigFromUrl(url), max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    // Prisma's defaults (2 s to get a connection, 5 s per transaction) turn a CPU stall or a burst
    // into 500s of transactions that would have committed: a submission verifies a signature
    // inside its transaction. Seen in the failover test on a busy machine (tests/cluster).
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    // The password hash never leaves the data layer unless a query asks for it explicitly.
    omit: { user: { passwordHash: true } },
  });
}

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
