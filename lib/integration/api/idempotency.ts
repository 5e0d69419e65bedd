import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { DomainError } from "@/lib/platform/core";
import { Prisma, type Db, type Tx } from "@/lib/platform/db";

/**
 * Idempotency-Key (issue 14): the first answer of an operation is stored for 24 hours per caller
 * (`scope`) and key, IN THE SAME TRANSACTION as the operation's own writes. So:
 * - a retry with the same key and the same request gets the stored answer (status + body), also
 *   after a lost answer or a `kill -9` right after the commit — the answer exists exactly when the
 *   effect does;
 * - the same key with another request is refused (422 `api.idempotency_mismatch`);
 * - concurrent requests with one key run once: the second one's insert of the record waits on the
 *   first one's uncommitted row (PostgreSQL's unique index), then replays its answer — or, when the
 *   first rolled back, runs itself. It waits at most `IDEMPOTENCY_WAIT_MS`, then answers 409
 *   `api.idempotency_in_progress` (retry later with the same key).
 * What is stored: every answer below 500 (a refusal is an answer too: 4xx refusals of our use cases
 * roll their own writes back, see `nestedDb`). An unexpected error (500) rolls everything back,
 * record included, so a retry runs the operation again.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_WAIT_MS = 10_000;
export const IDEMPOTENCY_KEY_RE = /^[\x21-\x7e]{1,255}$/;

export type IdempotentAnswer = { status: number; body: unknown };
export type IdempotentResult = IdempotentAnswer & { replayed: boolean };

/** SHA-256 of what makes two requests "the same": operation, path parameters, body (canonical JSON). */
export function requestFingerprint(operation: string, params: unknown, body: unknown): string {
  return createHash("sha256")
    .update(canonicalize({ operation, params: params ?? null, body: body ?? null }) ?? "")
    .digest("hex");
}

/** A multipart value as fingerprint material: files by name, type, size and content hash (the boundary differs per request). */
export async function fingerprintMaterial(raw: unknown): Promise<unknown> {
  if (typeof File !== "undefined" && raw instanceof File) {
    const sha256 = createHash("sha256").update(new Uint8Array(await raw.arrayBuffer())).digest("hex");
    return { file: raw.name, type: raw.type, size: raw.size, sha256 };
  }
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) out[k] = await fingerprintMaterial(v);
    return out;
  }
  return raw;
}

/**
 * The transaction seen as a client: `$transaction(fn)` of a use case runs `fn` inside a SAVEPOINT
 * of the outer transaction, so a use case that throws undoes exactly its own writes (as it would
 * on its own), and the refusal can still be stored with the record.
 */
export function nestedDb(tx: Tx): Db {
  let n = 0;
  const proxy: Db = new Proxy(tx as object, {
    get(target, prop, receiver) {
      if (prop !== "$transaction") return Reflect.get(target, prop, receiver) as unknown;
      return async (arg: unknown) => {
        if (Array.isArray(arg)) {
          const out: unknown[] = [];
          for (const p of arg) out.push(await (p as Promise<unknown>));
          return out;
        }
        const sp = `idem_${++n}`;
        await tx.$executeRawUnsafe(`SAVEPOINT ${sp}`);
        try {
          // Not released: the savepoint ends with the transaction, and a RELEASE would be one
          // more round trip per request (issue 14); a later savepoint nests inside it harmlessly.
          return await (arg as (t: Tx) => Promise<unknown>)(proxy as unknown as Tx);
        } catch (e) {
          await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${sp}`);
          throw e;
        }
      };
    },
  }) as Db;
  return proxy;
}

function isLockTimeout(e: unknown): boolean {
  const s = e instanceof Error ? `${e.message} ${JSON.stringify((e as { meta?: unknown }).meta ?? null)}` : String(e);
  return /55P03|lock timeout|canceling statement due to lock timeout/i.test(s);
}

/**
 * Runs `fn` once per (scope, key) within 24 hours, see the module comment. `fn` gets the database
 * to use (the outer transaction) and returns the answer to store; it throws only for what must not
 * be stored (unexpected errors).
 */
export async function runIdempotent(
  db: Db,
  o: { scope: string; key: string; operation: string; requestHash: string; now: Date },
  fn: (db: Db) => Promise<IdempotentAnswer>,
): Promise<IdempotentResult> {
  if (!IDEMPOTENCY_KEY_RE.test(o.key)) throw new DomainError("api.idempotency_key_invalid");
  const expiresAt = new Date(o.now.getTime() + IDEMPOTENCY_TTL_MS);
  let claimed = false;
  try {
    return await db.$transaction(
      async (tx) => {
        // Takes over an expired record of the same key; waits on an in-flight one. The lock
        // timeout is set by the same statement (set_config(…, true) = SET LOCAL), before the row
        // it produces is inserted, so it already bounds the wait on the key: one round trip less.
        const inserted = await tx.$queryRaw<{ scope: string }[]>`
          INSERT INTO "IdempotencyRecord" ("scope", "key", "operation", "requestHash", "status", "body", "createdAt", "expiresAt")
          SELECT ${o.scope}, ${o.key}, ${o.operation}, ${o.requestHash}, 0, 'null'::jsonb, ${o.now}, ${expiresAt}
          FROM (SELECT set_config('lock_timeout', ${`${IDEMPOTENCY_WAIT_MS}ms`}, true)) AS lock_timeout
          ON CONFLICT ("scope", "key") DO UPDATE SET
            "operation" = EXCLUDED."operation", "requestHash" = EXCLUDED."requestHash", "status" = 0, "body" = 'null'::jsonb,
            "createdAt" = EXCLUDED."createdAt", "expiresAt" = EXCLUDED."expiresAt"
          WHERE "IdempotencyRecord"."expiresAt" <= EXCLUDED."createdAt"
          RETURNING "scope"`;
        // lock_timeout stays for the rest of this transaction: no lock wait of the operation
        // outlives the wait allowed here (the transaction's own timeout is longer).
        claimed = true;
        if (!inserted.length) {
          const prior = await tx.idempotencyRecord.findUniqueOrThrow({ where: { scope_key: { scope: o.scope, key: o.key } } });
          if (prior.operation !== o.operation || prior.requestHash !== o.requestHash) throw new DomainError("api.idempotency_mismatch");
          return { status: prior.status, body: prior.body, replayed: true };
        }
        const answer = await fn(nestedDb(tx));
        await storeAnswer(tx, o, answer);
        return { ...answer, replayed: false };
      },
      { timeout: 30_000 },
    );
  } catch (e) {
    // A lock timeout while waiting on the key's record: the first request still runs.
    if (!claimed && isLockTimeout(e)) throw new DomainError("api.idempotency_in_progress");
    throw e;
  }
}

/** The answer on the claimed record (raw: a fixed statement of every idempotent request, issue 14). */
async function storeAnswer(tx: Tx, o: { scope: string; key: string }, answer: IdempotentAnswer): Promise<void> {
  await tx.$executeRaw`
    UPDATE "IdempotencyRecord" SET "status" = ${answer.status}, "body" = ${JSON.stringify(answer.body ?? null)}::jsonb
    WHERE "scope" = ${o.scope} AND "key" = ${o.key}`;
}

/** The timed job: deletes records older than 24 hours. */
export async function purgeIdempotencyRecords(db: Db, o: { now: Date }): Promise<{ deleted: number }> {
  const { count } = await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: o.now } } });
  return { deleted: count };
}
