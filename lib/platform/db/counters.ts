import type { DbOrTx } from "./client";

/**
 * The one counter facility (issue 14). Two kinds, chosen by what the number means:
 *
 * - `"sequence"` — a PostgreSQL sequence per counter key (e.g. `application:2026`), created on
 *   demand by the SQL function `counter_next` (migration 20261207064000_counters). `nextval` takes
 *   no lock that lasts beyond the call, so thousands of concurrent submissions of the whole country
 *   never queue behind each other. Numbers are unique and increase in the order they are drawn;
 *   a transaction that rolls back leaves a gap (never a duplicate). A new sequence starts after the
 *   value its key reached in the old row counter, so switching kinds never repeats a number.
 *   Used for registration numbers (`EL-YYYY-NNNNNNN`) and complaint tickets (`C-YYYY-NNNNNN`).
 * - `"gap-free"` — the row of `LicenceNumberCounter` for the key, incremented in the caller's
 *   transaction: consecutive numbers without gaps, but the row stays locked until commit, so
 *   writers of the same key queue. Only for keys that are not country-wide: licence numbers per
 *   (year, region) and annex numbers per licence, where a gap in a register of legal documents
 *   would have to be explained.
 */
export type CounterKind = "sequence" | "gap-free";

export async function nextCounterValue(db: DbOrTx, key: string, kind: CounterKind): Promise<number> {
  if (kind === "sequence") {
    const rows = await db.$queryRaw<{ v: bigint }[]>`SELECT counter_next(${key}) AS v`;
    const v = rows[0]?.v;
    if (v === undefined) throw new Error(`counter ${key}: no value returned`);
    return Number(v);
  }
  const rows = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO "LicenceNumberCounter" ("key", "last") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "last" = "LicenceNumberCounter"."last" + 1
    RETURNING "last"`;
  const last = rows[0]?.last;
  if (typeof last !== "number") throw new Error(`counter ${key}: no value returned`);
  return last;
}

/**
 * Creates the sequences of `keys` that do not exist yet, each in its own short transaction (the
 * timed job counters.prepare does it for the coming year, so that no request transaction holds
 * the creator's lock on 1 January).
 */
export async function prepareCounters(db: DbOrTx, keys: readonly string[]): Promise<void> {
  for (const key of keys) await db.$queryRaw`SELECT counter_ensure(${key})`;
}
