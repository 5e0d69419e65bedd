import { errorJson, refuse, route } from "@/app/_server/route";
import { addressKeyOf, publicLimiter, tooManyRequests } from "@/app/_server/public-limit";
import { readBodyLimited } from "@/app/_server/request-body";
import { onPaymentPaid } from "@/lib/cases/applications";
import { assertSafeJsonText, isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { logger } from "@/lib/platform/log";
import { SIGNATURE_HEADER, callbackHttpStatus, confirmPaymentCallback } from "@/lib/cases/payments";

export const dynamic = "force-dynamic";

/** Callbacks are small JSON documents; anything bigger is not from the gateway. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * Server-to-server confirmation from the payment gateway (contract in lib/cases/payments/port.ts).
 * 200 applied or replay (the gateway stops retrying), 401 bad signature, 422 unusable body.
 * Refusals before the signature is judged (oversized, badly signed) write nothing — they are
 * logged — and count against the sender's address: past `PUBLIC_RATE_LIMIT_PER_MINUTE` of them a
 * minute the address gets 429 before its body is read (issue 13 F4). The gateway's correctly
 * signed callbacks are never counted.
 */
export const POST = route({ public: "the gateway authenticates by the HMAC of the body" }, "payment callback", async (req) => {
  const now = new Date();
  const limiter = publicLimiter("payment-callback-refused");
  const key = addressKeyOf(req);
  const state = await limiter.peek(key, now);
  if (!state.allowed) {
    logger.warn({ key }, "payment callback refused: too many bad callbacks from this address");
    return tooManyRequests(state, now);
  }
  const body = await readBodyLimited(req, MAX_BODY_BYTES);
  if (!body) {
    await limiter.hit(key, now);
    logger.warn({ key }, "payment callback refused: body over 16 KiB");
    return refuse("api.payload_too_large", {}, { limit: MAX_BODY_BYTES });
  }
  const rawBody = new TextDecoder().decode(body);
  try {
    // NUL or a lone surrogate (also as a JSON escape) cannot be stored: 422, nothing written.
    assertSafeJsonText(rawBody);
    const r = await confirmPaymentCallback(getDb(), { rawBody, signature: req.headers.get(SIGNATURE_HEADER), now, onPaid: onPaymentPaid });
    return Response.json({ outcome: r.outcome, paymentCode: r.paymentCode, status: r.paymentStatus }, { status: callbackHttpStatus(r.outcome) });
  } catch (e) {
    if (isDomainError(e)) {
      logger.warn({ code: e.code, key }, "payment callback rejected");
      if (e.code === "payments.bad_signature") await limiter.hit(key, now);
    }
    return errorJson(e, "payment callback");
  }
});
