import { z } from "zod";
import { httpStatusOf } from "@/lib/platform/core";

/**
 * The port a payment-gateway adapter implements (the e-government payment gateway ЭҮТШ/ПШЭП in
 * production, `createSandboxGateway` here). The portal only creates orders and reads their status;
 * the outcome arrives by the signed server-to-server callback below.
 */
export interface PaymentGatewayPort {
  /** Idempotent on `merchantRef`: asking again for the same reference returns the same order. */
  createOrder(input: TCreateOrderInput): Promise<TCreateOrderResult>;
  /** Null when the gateway does not know the order. */
  getOrderStatus(orderId: string): Promise<TGatewayOrderStatus | null>;
}

export const GATEWAY_ORDER_STATUSES = ["CREATED", "PAID", "DECLINED", "TIMEOUT"] as const;
export type TGatewayOrderState = (typeof GATEWAY_ORDER_STATUSES)[number];

const ZHttpUrl = z.url({ protocol: /^https?$/ });

export const ZCreateOrderInput = z.object({
  /** Our public payment code; the gateway echoes it in the callback. */
  merchantRef: z.string().min(1).max(64),
  amountKzt: z.number().int().positive(),
  description: z.string().min(1).max(300),
  /** Where the payer's browser goes back to after the outcome. */
  returnUrl: ZHttpUrl,
  /** Where the gateway POSTs the signed callback. */
  callbackUrl: ZHttpUrl,
  /** Language of the gateway's payment page (optional extension of the contract). */
  locale: z.enum(["kk", "ru", "en"]).optional(),
});
export type TCreateOrderInput = z.infer<typeof ZCreateOrderInput>;
export type TCreateOrderResult = { orderId: string; paymentPageUrl: string };

export type TGatewayOrderStatus = { orderId: string; merchantRef: string; amountKzt: number; status: TGatewayOrderState };

/** Outcomes a callback may report (CREATED is never sent). */
export const CALLBACK_STATUSES = ["PAID", "DECLINED", "TIMEOUT"] as const;

/**
 * Callback contract: POST `callbackUrl`, `Content-Type: application/json`, body = this object,
 * header `X-Signature: hex(HMAC-SHA256(PAYMENT_GATEWAY_SECRET, rawBody))` over the exact bytes sent.
 * `eventId` is stable across redeliveries of the same event (the portal de-duplicates on it).
 */
export const ZPaymentCallback = z
  .object({
    eventId: z.string().min(1).max(200),
    orderId: z.string().min(1).max(100),
    merchantRef: z.string().min(1).max(64),
    status: z.enum(CALLBACK_STATUSES),
    amountKzt: z.number().int().positive(),
    /** ISO 8601 with offset; required for PAID, null otherwise. */
    paidAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .refine((c) => c.status !== "PAID" || c.paidAt !== null, { path: ["paidAt"], message: "payments.invalid_callback" });
export type TPaymentCallback = z.infer<typeof ZPaymentCallback>;

export const SIGNATURE_HEADER = "X-Signature";

/**
 * HTTP answer of the portal's callback endpoint for each outcome. A gateway retries on anything
 * but 2xx; a replay is answered 200 so that retries stop.
 */
export const CALLBACK_HTTP_STATUS: Record<string, number> = { applied: 200, duplicate: 200 };

/** Outcomes are 200; a refusal answers with its registered status (401 bad signature, 422 unusable body). */
export function callbackHttpStatus(outcomeOrCode: string): number {
  return CALLBACK_HTTP_STATUS[outcomeOrCode] ?? httpStatusOf(outcomeOrCode);
}
