import { describe, expect, it } from "vitest";
import { DEV_PAYMENT_GATEWAY_SECRET, paymentGatewaySecret, signCallbackBody, verifyCallbackSignature } from "@/lib/cases/payments";

describe("callback signature: hex(HMAC-SHA256(secret, rawBody))", () => {
  it("matches the RFC 4231 test vector", () => {
    expect(signCallbackBody("Jefe", "what do ya want for nothing?")).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });

  const secret = "s3cret-for-unit-tests-0123456789abcdef";
  const body = '{"eventId":"e1","orderId":"o1","merchantRef":"PAY-2026-0123-456H","status":"PAID","amountKzt":43250,"paidAt":"2026-03-10T11:00:00+05:00"}';
  const sig = signCallbackBody(secret, body);

  it("accepts the right signature (hex in either case, surrounding spaces ignored)", () => {
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyCallbackSignature(secret, body, sig)).toBe(true);
    expect(verifyCallbackSignature(secret, body, ` ${sig.toUpperCase()} `)).toBe(true);
    expect(verifyCallbackSignature(secret, Buffer.from(body), sig)).toBe(true);
  });

  it("refuses another secret, a changed body (even whitespace), and malformed or missing signatures", () => {
    expect(verifyCallbackSignature("another-secret", body, sig)).toBe(false);
    expect(verifyCallbackSignature(secret, body.replace("43250", "43251"), sig)).toBe(false);
    expect(verifyCallbackSignature(secret, `${body} `, sig)).toBe(false);
    expect(verifyCallbackSignature(secret, body, sig.slice(0, 63))).toBe(false);
    expect(verifyCallbackSignature(secret, body, `${sig}00`)).toBe(false);
    expect(verifyCallbackSignature(secret, body, "z".repeat(64))).toBe(false);
    expect(verifyCallbackSignature(secret, body, "")).toBe(false);
    expect(verifyCallbackSignature(secret, body, null)).toBe(false);
    expect(verifyCallbackSignature(secret, body, undefined)).toBe(false);
  });
});

describe("PAYMENT_GATEWAY_SECRET", () => {
  it("uses the configured secret", () => {
    expect(paymentGatewaySecret({ PAYMENT_GATEWAY_SECRET: "x".repeat(40), NODE_ENV: "production" })).toBe("x".repeat(40));
    expect(paymentGatewaySecret({ PAYMENT_GATEWAY_SECRET: "short", NODE_ENV: "development" })).toBe("short");
  });

  it("falls back to the documented development secret outside production only", () => {
    expect(paymentGatewaySecret({ NODE_ENV: "development" })).toBe(DEV_PAYMENT_GATEWAY_SECRET);
    expect(paymentGatewaySecret({ NODE_ENV: "test", PAYMENT_GATEWAY_SECRET: "  " })).toBe(DEV_PAYMENT_GATEWAY_SECRET);
    expect(() => paymentGatewaySecret({ NODE_ENV: "production" })).toThrow(/PAYMENT_GATEWAY_SECRET/);
    expect(() => paymentGatewaySecret({ NODE_ENV: "production", PAYMENT_GATEWAY_SECRET: "too-short" })).toThrow(/at least 32/);
  });
});
