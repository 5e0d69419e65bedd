import { route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { addressKeyOf, publicLimiter, tooManyRequests } from "@/app/_server/public-limit";
import { createAuthChallenge } from "@/lib/trust/certificates";
import { logger } from "@/lib/platform/log";

export const dynamic = "force-dynamic";

/**
 * A one-time EDS sign-in challenge, valid 5 minutes: the browser signs `challenge` (base64 of
 * the exact bytes) with the authentication key and sends the CMS to the "eds" credentials provider.
 * Each one is a row, so an address gets `PUBLIC_RATE_LIMIT_PER_MINUTE` a minute (429 beyond, nothing written).
 */
export const POST = route({ public: "the first step of signing in" }, "EDS challenge", async (request) => {
  const now = new Date();
  const key = addressKeyOf(request);
  const rate = await publicLimiter("eds-challenge").hit(key, now);
  if (!rate.allowed) {
    logger.warn({ key }, "EDS challenge refused: rate limit");
    return tooManyRequests(rate, now);
  }
  const c = await createAuthChallenge(getDb(), { now });
  return Response.json(
    { challengeId: c.challengeId, challenge: Buffer.from(c.challenge).toString("base64"), expiresAt: c.expiresAt.toISOString() },
    { headers: { "Cache-Control": "no-store" } },
  );
});
