import type { DbOrTx } from "@/lib/platform/db";
import { sessionUserSelect, toSessionUser, type UserActor } from "@/lib/platform/auth";
import { hashApiToken, looksLikeApiToken } from "./token-format";

/** `lastUsedAt` is written at most this often per token (a busy integration is not a write per call). */
export const LAST_USED_RESOLUTION_MS = 60_000;

export type TApiTokenAuth = { actor: UserActor; tokenId: string };

/**
 * The applicant a bearer token stands for, or null: malformed, unknown or revoked token,
 * deactivated account, or an account that is no longer an applicant. The actor is rebuilt from
 * the user row on every call, as the session does, so a changed account takes effect at once.
 */
export async function authenticateApiToken(db: DbOrTx, token: string, now: Date): Promise<TApiTokenAuth | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: sessionUserSelect } },
  });
  if (!row || row.revokedAt || !row.user.active || row.user.role !== "APPLICANT" || !row.user.subjectId) return null;

  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt <= staleBefore) {
    // Conditional: concurrent requests of one token write once.
    await db.apiToken.updateMany({
      where: { id: row.id, revokedAt: null, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  const { locale: _locale, ...session } = toSessionUser(row.user);
  return { actor: { kind: "user", ...session }, tokenId: row.id };
}
