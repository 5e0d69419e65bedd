import { route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { createAuthChallenge } from "@/lib/trust/certificates";

export const dynamic = "force-dynamic";

/**
 * A one-time EDS sign-in challenge, valid 5 minutes: the browser signs `challenge` (base64 of
 * the exact bytes) with the authentication key and sends the CMS to the "eds" credentials provider.
 */
export const POST = route({ public: "the first step of signing in" }, "EDS challenge", async () => {
  const c = await createAuthChallenge(getDb(), { now: new Date() });
  return Response.json(
    { challengeId: c.challengeId, challenge: Buffer.from(c.challenge).toString("base64"), expiresAt: c.expiresAt.toISOString() },
    { headers: { "Cache-Control": "no-store" } },
  );
});
