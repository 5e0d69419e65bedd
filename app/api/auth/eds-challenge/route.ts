import { NextResponse } from "next/server";
import { getDb } from "@/lib/platform/db";
import { logger } from "@/lib/platform/log";
import { createAuthChallenge } from "@/lib/trust/certificates";

export const dynamic = "force-dynamic";

/**
 * A one-time EDS sign-in challenge, valid 5 minutes: the browser signs `challenge` (base64 of
 * the exact bytes) with the authentication key and sends the CMS to the "eds" credentials provider.
 */
export async function POST() {
  try {
    const c = await createAuthChallenge(getDb(), { now: new Date() });
    return NextResponse.json(
      { challengeId: c.challengeId, challenge: Buffer.from(c.challenge).toString("base64"), expiresAt: c.expiresAt.toISOString() },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (e) {
    logger.error({ err: e }, "EDS challenge could not be created");
    return NextResponse.json({ code: "errors.unexpected" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
