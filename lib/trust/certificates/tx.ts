import { inTransaction as inTx, type DbOrTx, type Tx } from "@/lib/platform/db";

/** CA operations generate RSA keys while holding the CA row lock: allow more than Prisma's 5 s. */
const CA_TX_OPTIONS = { timeout: 60_000, maxWait: 15_000 } as const;

/** A transaction (or the caller's) with the CA's longer time limits. */
export function inCaTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTx(db, fn, CA_TX_OPTIONS);
}
