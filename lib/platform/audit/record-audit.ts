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
 * → its pending rows. Keyed by the transaction object, so code that only knows `recordAudit` (e.g.
 * the signature verdict) joins the batch of its caller without a new parameter.
 */
const pending = new WeakMap<object, AuditInput[]>();

/** Writes one audit row. Call it with the transaction that makes the change it describes. */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  const batch = pending.get(db);
  if (batch) {
    batch.push(input);
    return;
  }
  await db.auditEvent.create({ data: auditRow(input) });
}

/**
 * Writes several audit rows with one multi-row INSERT (ids ascending in the given order). Raw SQL:
 * the write path's audit insert skips Prisma's per-statement query compilation (issue 14).
 */
export async function recordAudits(db: DbOrTx, inputs: readonly AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const values = inputs.map((input) => {
    const r = auditRow(input);
    return Prisma.sql`(${r.at}, ${r.type}, ${r.actorId}, ${r.actorRole}, ${r.actorName}, ${r.entityType}, ${r.entityId},
      ${r.applicationId}, ${r.organisationId}, ${JSON.stringify(r.data)}::jsonb, ${r.ip}, ${r.userAgent})`;
  });
  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("at", "type", "actorId", "actorRole", "actorName", "entityType", "entityId",
      "applicationId", "organisationId", "data", "ip", "userAgent")
    VALUES ${Prisma.join(values)}`;
}

/**
 * Runs `fn` with the audit rows it records through `db` collected and written at the end in one
 * statement, in the order they were recorded (same transaction, so committed or rolled back with
 * the change). If `fn` throws, nothing is written (the caller's transaction is rolled back anyway).
 */
export async function auditBatch<T>(db: DbOrTx, fn: () => Promise<T>): Promise<T> {
  if (pending.has(db)) return fn(); // already inside a batch on this transaction
  const rows: AuditInput[] = [];
  pending.set(db, rows);
  let result: T;
  try {
    result = await fn();
  } finally {
    pending.delete(db);
  }
  await recordAudits(db, rows);
  return result;
}
