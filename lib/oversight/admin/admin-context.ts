import { recordAudit, type AuditInput, type RequestMeta } from "@/lib/platform/audit";
import type { DbOrTx } from "@/lib/platform/db";
export { inTransaction } from "@/lib/platform/db";

/** What every admin mutation needs besides its input: business time and request metadata. */
export type AdminCtx = { now: Date; meta?: RequestMeta };

/** Optional optimistic-concurrency token: the `updatedAt` the form was rendered with. */
export function isStale(expected: string | null | undefined, actual: Date): boolean {
  return Boolean(expected) && new Date(expected!).getTime() !== actual.getTime();
}

/** Audits one administrative change, at the request's business time and with its request metadata. */
export function auditAdmin(
  tx: DbOrTx,
  actor: AuditInput["actor"],
  ctx: AdminCtx,
  event: Pick<AuditInput, "type" | "entityType" | "entityId" | "organisationId" | "data">,
): Promise<void> {
  return recordAudit(tx, { ...event, actor, at: ctx.now, meta: ctx.meta });
}

/** The audit data of an edit: the fields that changed, with their values before and after. */
export function changeSet(before: Record<string, unknown>, after: Record<string, unknown>, changed: readonly string[]) {
  const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, o[k] ?? null]));
  return { changed, before: pick(before), after: pick(after) };
}
