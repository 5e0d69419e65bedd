import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Shared secret of the callback signature when `PAYMENT_GATEWAY_SECRET` is not set, for development
 * and demo only. Public on purpose (it is in the README): never accepted when NODE_ENV=production.
 */
export const DEV_PAYMENT_GATEWAY_SECRET = "dev-only-payment-gateway-secret-not-for-production";

type Env = Partial<Record<"PAYMENT_GATEWAY_SECRET" | "NODE_ENV", string | undefined>>;

/** The callback secret; in production a missing or short secret is a configuration error. */
export function paymentGatewaySecret(env: Env = process.env): string {
  const configured = env.PAYMENT_GATEWAY_SECRET?.trim();
  if (configured) {
    if (env.NODE_ENV === "production" && configured.length < 32) {
      throw new Error("PAYMENT_GATEWAY_SECRET must have at least 32 characters in production.");
    }
    return configured;
  }
  if (env.NODE_ENV === "production") {
    throw new Error("PAYMENT_GATEWAY_SECRET is not set: the payment callback cannot be verified in production.");
  }
  return DEV_PAYMENT_GATEWAY_SECRET;
}

/** hex(HMAC-SHA256(secret, rawBody)) over the exact bytes of the body. */
export function signCallbackBody(secret: string, rawBody: string | Uint8Array): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** Constant-time comparison; a missing, malformed or wrong-length signature is simply invalid. */
export function verifyCallbackSignature(secret: string, rawBody: string | Uint8Array, signature: string | null | undefined): boolean {
  if (!signature) return false;
  const given = signature.trim();
  if (!HEX_SHA256.test(given)) return false;
  const expected = Buffer.from(signCallbackBody(secret, rawBody), "hex");
  const actual = Buffer.from(given, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
