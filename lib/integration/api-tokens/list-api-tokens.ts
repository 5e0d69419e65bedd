import type { DbOrTx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { assertTokenOwner } from "./owner";
import { apiTokenViewSelect, type TApiTokenView } from "./schemas";

/** The actor's own tokens, live ones first, newest first (revoked ones stay listed for the record). */
export async function listApiTokens(db: DbOrTx, actor: Actor): Promise<TApiTokenView[]> {
  assertTokenOwner(actor);
  const rows = await db.apiToken.findMany({
    where: { userId: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: apiTokenViewSelect,
  });
  return [...rows.filter((r) => !r.revokedAt), ...rows.filter((r) => r.revokedAt)];
}
