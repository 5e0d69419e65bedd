export { getDb, createDb, queryRaw, type Db, type Tx, type DbOrTx } from "./client";
export { poolConfigFromUrl } from "./pool-config";
export * from "./generated/enums";
export { Prisma } from "./generated/client";
export type * from "./generated/client";
export { inTransaction, type TransactionOptions } from "./in-transaction";
export { isDirect, throughPrisma } from "./direct";
export { nextCounterValue, prepareCounters, type CounterKind } from "./counters";
