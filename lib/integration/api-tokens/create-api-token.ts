import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { auditApiToken } from "./audit-token";
import { assertTokenOwner } from "./owner";
import { ZApiTokenName, apiTokenViewSelect, type TApiTokenView } from "./schemas";
import { generateApiToken, hashApiToken } from "./token-format";

/** Live (not revoked) tokens one applicant may hold: enough for a few integrations, bounded. */
export const MAX_ACTIVE_TOKENS = 10;

/**
 * Creates an API token for the applicant. The plain token is returned here and only here; the
 * database keeps its SHA-256. Audited as `api_token.created` (the name, never the token).
 */
export async function createApiToken(
  db: Db,
  input: { actor: Actor; name: string; now: Date; meta?: RequestMeta },
): Promise<{ token: string; apiToken: TApiTokenView }> {
  const { actor, now } = input;
  assertTokenOwner(actor);
  const name = ZApiTokenName.safeParse(input.name);
  if (!name.success) throw new DomainError("validation.failed", { fieldErrors: { name: name.error.issues[0]?.message ?? "validation.invalid_value" } });
  const token = generateApiToken();

  const apiToken = await db.$transaction(async (tx) => {
    // Serialise concurrent creations by the same user so the limit holds.
    await tx.$queryRaw`select id from "User" where id = ${actor.userId} for update`;
    const active = await tx.apiToken.count({ where: { userId: actor.userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) throw new DomainError("api.too_many_tokens", { max: MAX_ACTIVE_TOKENS });
    const row = await tx.apiToken.create({
      data: { userId: actor.userId, name: name.data, tokenHash: hashApiToken(token), createdAt: now },
      select: apiTokenViewSelect,
    });
    await auditApiToken(tx, "api_token.created", row, input);
    return row;
  });
  return { token, apiToken };
}
