import { Prisma, queryRaw, type DbOrTx } from "@/lib/platform/db";
import { toSessionUser, type UserActor } from "@/lib/platform/auth";
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
  const row = await tokenWithUser(db, hashApiToken(token));
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

type TokenUserRow = Omit<Parameters<typeof toSessionUser>[0], "organisation"> & {
  tokenId: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  active: boolean;
  region: string | null;
};

/**
 * The token with its user and the user's region (the columns of `sessionUserSelect`) in one
 * statement: every API request starts here, and Prisma's nested select costs three (issue 14).
 */
async function tokenWithUser(db: DbOrTx, tokenHash: string) {
  const [r] = await queryRaw<TokenUserRow>(db, Prisma.sql`
    SELECT t."id" AS "tokenId", t."revokedAt", t."lastUsedAt",
      u."id", u."role"::text AS "role", u."surname", u."givenName", u."patronymic", u."organisationId",
      u."supervisorScope"::text AS "supervisorScope", u."subjectId", u."canSign", u."locale", u."active", o."region"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" LEFT JOIN "Organisation" o ON o."id" = u."organisationId"
    WHERE t."tokenHash" = ${tokenHash}`);
  if (!r) return null;
  const { tokenId, revokedAt, lastUsedAt, region, ...user } = r;
  return { id: tokenId, revokedAt, lastUsedAt, user: { ...user, organisation: region === null ? null : { region } } };
}
