import type { DbOrTx } from "@/lib/platform/db";

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

/** Writes one audit row. Call it with the transaction that makes the change it describes. */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  const actor = input.actor;
  await db.auditEvent.create({
    data: {
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
    },
  });
}
