import type { Db, DbOrTx, Tx } from "./client";

export type TransactionOptions = { timeout?: number; maxWait?: number };

/** Runs `fn` in a new transaction, or inside the caller's transaction when given one. */
export async function inTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(fn, options) : fn(db as Tx);
}
