import type { DbOrTx } from "@/lib/platform/db";
import { recordAudit, type AuditInput, type RequestMeta } from "@/lib/platform/audit";

/** A token's life event; the audit keeps its name, never the token. */
export function auditApiToken(
  tx: DbOrTx,
  type: "api_token.created" | "api_token.revoked",
  token: { id: string; name: string },
  by: { actor: AuditInput["actor"]; now: Date; meta?: RequestMeta },
): Promise<void> {
  return recordAudit(tx, { type, actor: by.actor, at: by.now, entityType: "api_token", entityId: token.id, data: { name: token.name }, meta: by.meta });
}
