import { Prisma, type DbOrTx } from "@/lib/platform/db";

/** Request metadata captured at the boundary (IP, user agent). */
export type RequestMeta = { ip?: string | null; userAgent?: string | null };

/** Who acted, as the audit trail records it (the auth module's Actor fits; audit does not depend on auth). */
export type AuditActor = { kind: "user"; userId: string; role: string; name: string } | { kind: "system"; job: string };

export type AuditInput = {
  /** Dotted event type, e.g. "auth.sign_in", "application.registered". */
  type: string;
  actor: AuditActor | null;
  /** Business time of the event (not the insert time). */
  at: Date;
  entityType: string;
  entityId: string;
  applicationId?: string | null;
  organisationId?: string | null;
  data?: Record<string, unknown>;
  meta?: RequestMeta;
};

/** The columns of one audit row. */
function auditRow(input: AuditInput) {
  const actor = input.actor;
  return {
    at: input.at,
    type: input.type,
    actorId: actor?.kind === "user" ? actor.userId : null,
    actorRole: actor ? (actor.kind === "user" ? actor.role : `SYSTEM:${actor.job}`) : "ANONYMOUS",
    actorName: actor?.kind === "user" ? actor.name : null,
    entityType: input.entityType,
    entityId: input.entityId,
    applicationId: input.applicationId ?? null,
    organisationId: input.organisationId ?? null,
    data: (input.data ?? {}) as object,
    ip: input.meta?.ip ?? null,
    userAgent: input.meta?.userAgent?.slice(0, 500) ?? null,
  };
}

/**
 * Audit rows written later in one statement (`auditBatch`): the transaction a batch was opened on
 * → its pending rows, and the inserts deferred to the same statement (`deferInsert`). Keyed by the
 * transaction object, so code that only knows `recordAudit` (e.g. the signature verdict) joins the
 * batch of its caller without a new parameter.
 */
type Batch = { rows: AuditInput[]; deferred: Prisma.Sql[] };
const pending = new WeakMap<object, Batch>();

/** Writes one audit row. Call it with the transaction that makes the change it describes. */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  const batch = pending.get(db);
  if (batch) {
    batch.rows.push(input);
    return;
  }
  await db.auditEvent.create({ data: auditRow(input) });
}

/**
 * An INSERT (no WITH, no RETURNING) that nothing in the batch reads back: inside `auditBatch` it
 * is written with the batch's audit rows, as a data-modifying CTE of the same statement (issue 14:
 * one round trip for the step, the notices, the request signature and the audit rows of a
 * submission); outside a batch it runs now. Code that is about to read or change such rows calls
 * `flushDeferred` first.
 */
export async function deferInsert(db: DbOrTx, insert: Prisma.Sql): Promise<void> {
  const batch = pending.get(db);
  if (batch) batch.deferred.push(insert);
  else await db.$executeRaw(insert);
}

/** Writes the inserts deferred so far in the batch open on `db` (one statement), so that what follows sees them. */
export async function flushDeferred(db: DbOrTx): Promise<void> {
  const batch = pending.get(db);
  if (!batch?.deferred.length) return;
  const inserts = batch.deferred.splice(0);
  await db.$executeRaw`${withInserts(inserts)} SELECT 1`;
}

/** `WITH d0 AS (insert), d1 AS (insert) …` (PostgreSQL runs every data-modifying CTE, referenced or not). */
function withInserts(inserts: readonly Prisma.Sql[]): Prisma.Sql {
  if (!inserts.length) return Prisma.empty;
  return Prisma.sql`WITH ${Prisma.join(inserts.map((sql, i) => Prisma.sql`${Prisma.raw(`deferred_${i}`)} AS (${sql})`))}`;
}

/**
 * Writes several audit rows with one multi-row INSERT (ids ascending in the given order), after
 * `deferred` inserts in the same statement. Raw SQL: the write path's audit insert skips Prisma's
 * per-statement query compilation (issue 14).
 */
export async function recordAudits(db: DbOrTx, inputs: readonly AuditInput[], deferred: readonly Prisma.Sql[] = []): Promise<void> {
  if (!inputs.length) {
    if (deferred.length) await db.$executeRaw`${withInserts(deferred)} SELECT 1`;
    return;
  }
  const values = inputs.map((input) => {
    const r = auditRow(input);
    return Prisma.sql`(${r.at}, ${r.type}, ${r.actorId}, ${r.actorRole}, ${r.actorName}, ${r.entityType}, ${r.entityId},
      ${r.applicationId}, ${r.organisationId}, ${JSON.stringify(r.data)}::jsonb, ${r.ip}, ${r.userAgent})`;
  });
  await db.$executeRaw`
    ${withInserts(deferred)}
    INSERT INTO "AuditEvent" ("at", "type", "actorId", "actorRole", "actorName", "entityType", "entityId",
      "applicationId", "organisationId", "data", "ip", "userAgent")
    VALUES ${Prisma.join(values)}`;
}

/**
 * Runs `fn` with the audit rows it records through `db` (and the inserts it defers) collected and
 * written at the end in one statement, in the order they were recorded (same transaction, so
 * committed or rolled back with the change). If `fn` throws, nothing is written (the caller's
 * transaction is rolled back anyway).
 */
export async function auditBatch<T>(db: DbOrTx, fn: () => Promise<T>): Promise<T> {
  if (pending.has(db)) return fn(); // already inside a batch on this transaction
  const batch: Batch = { rows: [], deferred: [] };
  pending.set(db, batch);
  let result: T;
  try {
    result = await fn();
  } finally {
    pending.delete(db);
  }
  await recordAudits(db, batch.rows, batch.deferred);
  return result;
}
