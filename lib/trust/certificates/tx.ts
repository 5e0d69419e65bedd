import type { Db, DbOrTx, Tx } from "@/lib/platform/db";

/** CA operations generate RSA keys while holding the CA row lock: allow more than Prisma's 5 s. */
const CA_TX_OPTIONS = { timeout: 60_000, maxWait: 15_000 } as const;

/** Runs `fn` in a new transaction, or inside the caller's transaction when given one. */
export async function inTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(fn, CA_TX_OPTIONS) : fn(db as Tx);
}
