export { getDb, createDb, type Db, type Tx, type DbOrTx } from "./client";
export { poolConfigFromUrl } from "./pool-config";
export * from "./generated/enums";
export type * from "./generated/models";
export { Prisma } from "./generated/client";
