import { DomainError } from "@/lib/platform/core";
import type { Db, PaymentStatus, Tx } from "@/lib/platform/db";
import { systemActor } from "@/lib/platform/auth";
import { recordAudit } from "@/lib/platform/audit";
import { logger } from "@/lib/platform/log";
import { auditPayment } from "./payment-rows";
import type { TOnPaid } from "./paid-hook";
import { ZPaymentCallback, type TPaymentCallback } from "./port";
import { paymentGatewaySecret, verifyCallbackSignature } from "./signature";

export type TConfirmCallbackInput = {
  /** The body exactly as received (the signature covers these bytes). */
  rawBody: string;
  /** Value of the X-Signature header. */
  signature: string | null | undefined;
  now: Date;
  /** Defaults to PAYMENT_GATEWAY_SECRET (see signature.ts). */
  secret?: string;
  /** Called in the same transaction when this callback makes the payment PAID. */
  onPaid?: TOnPaid;
};

export type TConfirmCallbackResult = {
  /** applied: this callback changed the payment; duplicate: replay or already final, nothing changed. */
  outcome: "applied" | "duplicate";
  callbackId: string;
  paymentId: string;
  paymentCode: string;
  paymentStatus: PaymentStatus;
};

const GATEWAY = systemActor("payment-gateway");
const TARGET: Record<TPaymentCallback["status"], PaymentStatus> = { PAID: "PAID", DECLINED: "DECLINED", TIMEOUT: "EXPIRED" };
const AUDIT_TYPE: Record<PaymentStatus, string> = {
  PAID: "payment.paid",
  DECLINED: "payment.declined",
  EXPIRED: "payment.expired",
  PENDING: "payment.pending",
};

type Rejection = { reject: "payments.bad_signature" | "payments.invalid_callback" | "payments.unknown_payment" | "payments.amount_mismatch" };

function payloadForRecord(rawBody: string): { payload: object; eventId: string } {
  try {
    const json: unknown = JSON.parse(rawBody);
    if (json && typeof json === "object" && !Array.isArray(json)) {
      const eventId = (json as { eventId?: unknown }).eventId;
      return { payload: json, eventId: typeof eventId === "string" ? eventId.slice(0, 200) : "" };
    }
  } catch {
    // not JSON: kept as text below
  }
  return { payload: { raw: rawBody.slice(0, 4000) }, eventId: "" };
}

/**
 * Receives the gateway's server-to-server confirmation (condition 2 of the regulations: the payment
 * reaches the E-licensing SDB IS [001 L252-256]). Every correctly signed callback is recorded (one
 * with a bad or missing signature is only logged: it is not the gateway's); only a correctly
 * signed, well-formed callback for a PENDING payment of the same amount changes anything, and the
 * change is a conditional update, so replays and concurrent duplicates apply at most once.
 * Throws DomainError (bad_signature, invalid_callback, unknown_payment, amount_mismatch) after
 * recording the rejected callback.
 */
export async function confirmPaymentCallback(db: Db, input: TConfirmCallbackInput): Promise<TConfirmCallbackResult> {
  const { rawBody, now } = input;
  const secret = input.secret ?? paymentGatewaySecret();

  // Not from the gateway: nothing is stored (anyone can send these; issue 13 F4), only logged.
  if (!verifyCallbackSignature(secret, rawBody, input.signature)) {
    logger.warn({ bytes: rawBody.length, signed: Boolean(input.signature) }, "payment callback with a bad or missing signature refused");
    throw new DomainError("payments.bad_signature");
  }
  const recorded = payloadForRecord(rawBody);
  const parsed = ZPaymentCallback.safeParse(recorded.payload);
  if (!parsed.success) {
    await db.$transaction((tx) => recordRejected(tx, { ...recorded, signatureValid: true, paymentId: null, code: "payments.invalid_callback", now }));
    throw new DomainError("payments.invalid_callback");
  }
  const cb = parsed.data;

  const result = await db.$transaction(async (tx): Promise<TConfirmCallbackResult | Rejection> => {
    const payment = await tx.payment.findUnique({
      where: { gatewayOrderId: cb.orderId },
      select: { id: true, paymentCode: true, amountKzt: true, status: true, applicationId: true, application: { select: { organisationId: true } } },
    });
    const record = (applied: boolean) =>
      tx.paymentCallback.create({
        data: { paymentId: payment?.id ?? null, eventId: cb.eventId, payload: recorded.payload, signatureValid: true, applied, receivedAt: now },
      });

    if (!payment || payment.paymentCode !== cb.merchantRef) {
      await recordRejected(tx, { ...recorded, signatureValid: true, paymentId: payment?.id ?? null, code: "payments.unknown_payment", now });
      return { reject: "payments.unknown_payment" };
    }
    const base = { paymentId: payment.id, paymentCode: payment.paymentCode };

    // A replay is an event that already changed this payment; rejected deliveries of it do not count.
    const replay = await tx.paymentCallback.findFirst({ where: { eventId: cb.eventId, paymentId: payment.id, applied: true }, select: { id: true } });
    if (replay) {
      const row = await record(false);
      return { ...base, outcome: "duplicate", callbackId: row.id, paymentStatus: payment.status };
    }
    if (cb.amountKzt !== payment.amountKzt) {
      await recordRejected(tx, {
        ...recorded,
        signatureValid: true,
        paymentId: payment.id,
        code: "payments.amount_mismatch",
        now,
        applicationId: payment.applicationId,
        organisationId: payment.application.organisationId,
        extra: { expectedKzt: payment.amountKzt, reportedKzt: cb.amountKzt },
      });
      return { reject: "payments.amount_mismatch" };
    }

    const status = TARGET[cb.status];
    // Only a PENDING payment moves; of two concurrent callbacks the second finds it final and does nothing.
    const moved = await tx.payment.updateMany({
      where: { id: payment.id, status: "PENDING" },
      data: { status, paidAt: status === "PAID" ? new Date(cb.paidAt!) : null },
    });
    if (moved.count === 0) {
      const current = await tx.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { status: true } });
      if (current.status !== status)
        logger.warn({ paymentId: payment.id, current: current.status, reported: cb.status }, "payment callback contradicts a final payment");
      const row = await record(false);
      return { ...base, outcome: "duplicate", callbackId: row.id, paymentStatus: current.status };
    }
    const row = await record(true);
    await auditPayment(tx, { ...payment, organisationId: payment.application.organisationId }, {
      type: AUDIT_TYPE[status],
      actor: GATEWAY,
      at: now,
      data: { paymentCode: payment.paymentCode, orderId: cb.orderId, eventId: cb.eventId, amountKzt: cb.amountKzt, paidAt: cb.paidAt, callbackId: row.id },
    });
    if (status === "PAID" && input.onPaid) {
      await input.onPaid(tx, {
        applicationId: payment.applicationId,
        paymentId: payment.id,
        paymentCode: payment.paymentCode,
        amountKzt: payment.amountKzt,
        paidAt: new Date(cb.paidAt!),
        channel: "GATEWAY",
        at: now,
      });
    }
    return { ...base, outcome: "applied", callbackId: row.id, paymentStatus: status };
  });

  if ("reject" in result) throw new DomainError(result.reject);
  return result;
}

async function recordRejected(
  tx: Tx,
  r: {
    payload: object;
    eventId: string;
    signatureValid: boolean;
    paymentId: string | null;
    code: string;
    now: Date;
    applicationId?: string;
    organisationId?: string;
    extra?: Record<string, unknown>;
  },
) {
  const row = await tx.paymentCallback.create({
    data: { paymentId: r.paymentId, eventId: r.eventId, payload: r.payload, signatureValid: r.signatureValid, applied: false, receivedAt: r.now },
  });
  await recordAudit(tx, {
    type: "payment.callback_rejected",
    actor: GATEWAY,
    at: r.now,
    entityType: "payment_callback",
    entityId: row.id,
    applicationId: r.applicationId ?? null,
    organisationId: r.organisationId ?? null,
    data: { reason: r.code, eventId: r.eventId, ...r.extra },
  });
}
