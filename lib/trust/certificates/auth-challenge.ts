import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/lib/platform/db";
import { publicBaseUrl } from "./config";

/**
 * One-time EDS sign-in challenges. The signed bytes are canonical JSON (keys sorted, no
 * spaces) naming the portal, so a signed challenge cannot pass for a signed request (whose
 * type is kz.elicense.request) nor be replayed on another site or after it expired.
 */

export const AUTH_CHALLENGE_TTL_MS = 5 * 60_000;
const CHALLENGE_TYPE = "kz.elicense.auth";

export type AuthChallengeView = { challengeId: string; challenge: Uint8Array; expiresAt: Date };

/** The exact bytes the browser signs for a challenge row. */
export function authChallengeBytes(row: { nonce: string; expiresAt: Date }, audience: string = publicBaseUrl()): Uint8Array {
  const json = `{"audience":${JSON.stringify(audience)},"expiresAt":${JSON.stringify(row.expiresAt.toISOString())},"nonce":${JSON.stringify(row.nonce)},"type":"${CHALLENGE_TYPE}","version":1}`;
  return new TextEncoder().encode(json);
}

/** Creates a challenge valid for 5 minutes; expired challenges older than a day are swept. */
export async function createAuthChallenge(db: DbOrTx, opts: { now: Date; audience?: string }): Promise<AuthChallengeView> {
  const expiresAt = new Date(opts.now.getTime() + AUTH_CHALLENGE_TTL_MS);
  const row = await db.authChallenge.create({
    data: { nonce: randomBytes(32).toString("base64url"), createdAt: opts.now, expiresAt },
  });
  await db.authChallenge.deleteMany({ where: { expiresAt: { lt: new Date(opts.now.getTime() - 24 * 3600_000) } } });
  return { challengeId: row.id, challenge: authChallengeBytes(row, opts.audience), expiresAt };
}
