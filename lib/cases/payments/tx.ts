import type { Db, DbOrTx, Tx } from "@/lib/platform/db";

/** Runs `fn` in a new transaction, or inside the caller's transaction when given one. */
export async function inTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(fn) : fn(db as Tx);
}
