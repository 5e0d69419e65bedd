import type { DbOrTx } from "@/lib/platform/db";
import { recordAudit, type AuditInput, type RequestMeta } from "@/lib/platform/audit";

/** An attachment event, filed under the document, its application and that application's provider. */
export function auditDocument(
  tx: DbOrTx,
  type: "document.attached" | "document.removed",
  target: { documentId: string; app: { id: string; organisationId: string } },
  by: { actor: AuditInput["actor"]; now: Date; meta?: RequestMeta },
  data: Record<string, unknown>,
): Promise<void> {
  const { documentId, app } = target;
  return recordAudit(tx, { type, actor: by.actor, at: by.now, entityType: "document", entityId: documentId, applicationId: app.id, organisationId: app.organisationId, data, meta: by.meta });
}
