import type { DbOrTx } from "@/lib/platform/db";
import { recordAudit, type AuditInput } from "@/lib/platform/audit";

/** One audit row about a paper application, filed under it and its provider, in the caller's transaction. */
export function auditWalkIn(tx: DbOrTx, app: { id: string; organisationId: string }, event: Pick<AuditInput, "type" | "actor" | "at" | "data" | "meta">): Promise<void> {
  return recordAudit(tx, { ...event, entityType: "application", entityId: app.id, applicationId: app.id, organisationId: app.organisationId });
}
