import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { auditApiToken } from "./audit-token";
import { assertTokenOwner } from "./owner";
import { apiTokenViewSelect, type TApiTokenView } from "./schemas";

/**
 * Revokes one of the actor's own tokens; from the next request on it authenticates nothing.
 * Another user's token does not exist for the actor (`errors.not_found`). Revoking a revoked
 * token changes nothing and writes no second audit row.
 */
export async function revokeApiToken(db: Db, input: { actor: Actor; tokenId: string; now: Date; meta?: RequestMeta }): Promise<TApiTokenView> {
  const { actor, now } = input;
  assertTokenOwner(actor);
  return db.$transaction(async (tx) => {
    const own = { id: input.tokenId, userId: actor.userId };
    const { count } = await tx.apiToken.updateMany({ where: { ...own, revokedAt: null }, data: { revokedAt: now } });
    const row = await tx.apiToken.findFirst({ where: own, select: apiTokenViewSelect });
    if (!row) throw new DomainError("errors.not_found");
    if (count === 1) await auditApiToken(tx, "api_token.revoked", row, input);
    return row;
  });
}
