import { errorJson, refuse, route } from "@/app/_server/route";
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
 */
export const POST = route({ public: "the gateway authenticates by the HMAC of the body" }, "payment callback", async (req) => {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return refuse("api.payload_too_large");
  const rawBody = await req.text();
  if (Buffer.byteLength(rawBody, "utf8") > MAX_BODY_BYTES) return refuse("api.payload_too_large");
  try {
    // NUL or a lone surrogate (also as a JSON escape) cannot be stored: 422, nothing written.
    assertSafeJsonText(rawBody);
    const r = await confirmPaymentCallback(getDb(), { rawBody, signature: req.headers.get(SIGNATURE_HEADER), now: new Date(), onPaid: onPaymentPaid });
    return Response.json({ outcome: r.outcome, paymentCode: r.paymentCode, status: r.paymentStatus }, { status: callbackHttpStatus(r.outcome) });
  } catch (e) {
    if (isDomainError(e)) logger.warn({ code: e.code }, "payment callback rejected");
    return errorJson(e, "payment callback");
  }
});
