import { Prisma, type DbOrTx } from "@/lib/platform/db";
import PgBoss from "pg-boss";
import { BOSS_SCHEMA } from "./boss";
import { JOBS, type JobName, type JobPayload } from "./definitions";

/** pg-boss's SQL executor, routed through the caller's Prisma transaction. */
function executorFor(tx: DbOrTx) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: (await tx.$queryRawUnsafe(
        text,
        ...values.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v)),
      )) as unknown[],
    }),
  };
}

// Used only to build pg-boss's insert; the SQL runs on the caller's transaction, so this instance
// never connects. The schema and queues exist from `prepareJobSchema` (start script, test setup).
let sqlOnly: PgBoss | undefined;
function sqlBuilder(): PgBoss {
  sqlOnly ??= new PgBoss({ connectionString: "postgresql://sql-only@127.0.0.1:1/none", schema: BOSS_SCHEMA });
  return sqlOnly;
}

export type EnqueueOptions = { startAfter?: Date; singletonKey?: string };

/**
 * Enqueues a job inside the caller's transaction: it exists exactly when the state change that
 * caused it is committed (no job lost after a commit, no job for a rolled-back change).
 */
export async function enqueue<N extends JobName>(tx: DbOrTx, name: N, data: JobPayload<N>, opts: EnqueueOptions = {}) {
  const payload = JOBS[name].payload.parse(data);
  return sqlBuilder().send(name, payload as object, { ...opts, db: executorFor(tx) } as never);
}

export type EnqueueItem<N extends JobName = JobName> = { name: N; data: JobPayload<N>; opts?: EnqueueOptions };

/**
 * Several jobs in one INSERT (pg-boss's `insert`), inside the caller's transaction like `enqueue`.
 * For the options used here (startAfter, singletonKey) pg-boss writes the same rows as `send`:
 * the queue's retry, expiry and retention, and a duplicate singleton is skipped.
 */
export async function enqueueMany(
  tx: DbOrTx,
  items: readonly EnqueueItem[],
  /** Takes the insert instead of running it (e.g. lib/platform/audit `deferInsert`: one round trip less, issue 14). */
  o: { defer?: (insert: Prisma.Sql) => Promise<void> } = {},
): Promise<void> {
  if (!items.length) return;
  if (items.length === 1) {
    const [one] = items;
    await enqueue(tx, one!.name, one!.data, one!.opts);
    return;
  }
  const jobs = items.map((j) => ({
    name: j.name,
    data: JOBS[j.name].payload.parse(j.data) as object,
    startAfter: j.opts?.startAfter,
    singletonKey: j.opts?.singletonKey,
  }));
  const db = o.defer ? deferringExecutor(o.defer) : executorFor(tx);
  await sqlBuilder().insert(jobs as never, { db } as never);
}

/** pg-boss's statement (numbered parameters) handed to `defer` as one composable SQL value; no rows come back. */
function deferringExecutor(defer: (insert: Prisma.Sql) => Promise<void>) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      // pg-boss's insert text has no `$` other than its placeholders (no dollar quoting, no literals with one).
      const parts = text.split(/\$(\d+)/);
      const strings = parts.filter((_, i) => i % 2 === 0);
      const params = parts.filter((_, i) => i % 2 === 1).map((n) => values[Number(n) - 1]);
      await defer(new Prisma.Sql(strings, params));
      return { rows: [] as unknown[] };
    },
  };
}
