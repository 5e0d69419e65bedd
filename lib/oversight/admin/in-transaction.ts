import type { RequestMeta } from "@/lib/platform/audit";
import type { Db, DbOrTx, Tx } from "@/lib/platform/db";

/** Runs `fn` in a new transaction, or inside the caller's transaction when given one. */
export async function inTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(fn) : fn(db as Tx);
}

/** What every admin mutation needs besides its input: business time and request metadata. */
export type AdminCtx = { now: Date; meta?: RequestMeta };

/** Optional optimistic-concurrency token: the `updatedAt` the form was rendered with. */
export function isStale(expected: string | null | undefined, actual: Date): boolean {
  return Boolean(expected) && new Date(expected!).getTime() !== actual.getTime();
}
