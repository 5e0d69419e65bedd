import { DomainError } from "@/lib/platform/core";
import { Prisma, type DbOrTx } from "@/lib/platform/db";
import {
  SIGNATURE_HEADER,
  ZCreateOrderInput,
  type PaymentGatewayPort,
  type TCreateOrderInput,
  type TCreateOrderResult,
  type TGatewayOrderState,
  type TGatewayOrderStatus,
  type TPaymentCallback,
} from "./port";
import { isCardExpired, sandboxOutcomeFor, type TSandboxCardInput } from "./sandbox-card";
import { paymentGatewaySecret, signCallbackBody } from "./signature";

/** Delivers one signed callback; returns the HTTP status the merchant answered. */
export type TCallbackSender = (url: string, message: { body: string; signature: string }) => Promise<{ status: number }>;

/** The real transport: an HTTP POST with the signature header, as the production gateway does. */
export const fetchCallbackSender: TCallbackSender = async (url, { body, signature }) => {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", [SIGNATURE_HEADER]: signature },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status };
};

export type TSandboxOrder = {
  orderId: string;
  merchantRef: string;
  amountKzt: number;
  description: string;
  returnUrl: string;
  status: TGatewayOrderState;
  createdAt: Date;
  /** When the outcome was decided (null while CREATED). */
  completedAt: Date | null;
};

export type TCallbackDelivery = { delivered: boolean; httpStatus: number | null };
export type TSandboxPayResult = { order: TSandboxOrder; delivery: TCallbackDelivery };

export type SandboxGateway = PaymentGatewayPort & {
  getOrder(orderId: string): Promise<TSandboxOrder | null>;
  /** Decides the outcome by the test card, then sends the signed callback to the merchant. */
  payWithCard(card: TSandboxCardInput, now: Date): Promise<TSandboxPayResult>;
  /** Sends the callback of a completed order again (same eventId: the merchant de-duplicates). */
  redeliverCallback(orderId: string): Promise<TSandboxPayResult>;
};

type Row = {
  id: string;
  merchantRef: string;
  amountKzt: number;
  description: string;
  returnUrl: string;
  callbackUrl: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
};

function toOrder(r: Row): TSandboxOrder {
  const status = r.status as TGatewayOrderState;
  return {
    orderId: r.id,
    merchantRef: r.merchantRef,
    amountKzt: r.amountKzt,
    description: r.description,
    returnUrl: r.returnUrl,
    status,
    createdAt: r.createdAt,
    completedAt: status === "CREATED" ? null : r.updatedAt,
  };
}

/** The body the sandbox sends for a completed order; eventId is stable per order and outcome. */
export function sandboxCallbackFor(order: TSandboxOrder): TPaymentCallback {
  if (order.status === "CREATED") throw new Error("an open order has no callback");
  return {
    eventId: `sbx-${order.orderId}-${order.status.toLowerCase()}`,
    orderId: order.orderId,
    merchantRef: order.merchantRef,
    status: order.status,
    amountKzt: order.amountKzt,
    paidAt: order.status === "PAID" ? order.completedAt!.toISOString() : null,
  };
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/**
 * The payment-gateway sandbox: an outside system with its own state (table GatewayOrder) and its own
 * pages (/[locale]/sandbox/pay/[orderId]). It talks to the portal only through the port and the
 * signed HTTP callback, exactly as the real gateway would.
 */
export function createSandboxGateway(
  db: DbOrTx,
  /** pageBaseUrl: where the sandbox pages are served (the portal's URL; empty = same-origin links). */
  opts: { pageBaseUrl?: string; secret?: string; send?: TCallbackSender } = {},
): SandboxGateway {
  const base = (opts.pageBaseUrl ?? "").replace(/\/+$/, "");
  const send = opts.send ?? fetchCallbackSender;
  const pageUrl = (orderId: string, locale = "kk") => `${base}/${locale}/sandbox/pay/${orderId}`;

  async function deliver(row: Row): Promise<TSandboxPayResult> {
    const order = toOrder(row);
    const body = JSON.stringify(sandboxCallbackFor(order));
    const signature = signCallbackBody(opts.secret ?? paymentGatewaySecret(), body);
    try {
      const { status } = await send(row.callbackUrl, { body, signature });
      return { order, delivery: { delivered: status >= 200 && status < 300, httpStatus: status } };
    } catch {
      // Merchant unreachable: the outcome stands, the callback can be sent again.
      return { order, delivery: { delivered: false, httpStatus: null } };
    }
  }

  return {
    async createOrder(input: TCreateOrderInput): Promise<TCreateOrderResult> {
      const o = ZCreateOrderInput.parse(input);
      const data = {
        merchantRef: o.merchantRef,
        amountKzt: o.amountKzt,
        description: o.description,
        returnUrl: o.returnUrl,
        callbackUrl: o.callbackUrl,
        status: "CREATED",
      };
      let row = await db.gatewayOrder.findUnique({ where: { merchantRef: o.merchantRef } });
      if (!row) {
        try {
          row = await db.gatewayOrder.create({ data });
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
          row = await db.gatewayOrder.findUniqueOrThrow({ where: { merchantRef: o.merchantRef } });
        }
      }
      if (row.amountKzt !== o.amountKzt) throw new Error(`sandbox gateway: merchantRef ${o.merchantRef} already has an order for another amount`);
      return { orderId: row.id, paymentPageUrl: pageUrl(row.id, o.locale) };
    },

    async getOrderStatus(orderId: string): Promise<TGatewayOrderStatus | null> {
      const row = await db.gatewayOrder.findUnique({ where: { id: orderId } });
      return row ? { orderId: row.id, merchantRef: row.merchantRef, amountKzt: row.amountKzt, status: row.status as TGatewayOrderState } : null;
    },

    async getOrder(orderId: string) {
      const row = await db.gatewayOrder.findUnique({ where: { id: orderId } });
      return row ? toOrder(row) : null;
    },

    async payWithCard(card: TSandboxCardInput, now: Date) {
      const row = await db.gatewayOrder.findUnique({ where: { id: card.orderId } });
      if (!row) throw new DomainError("payments.sandbox.order_not_found");
      const outcome = sandboxOutcomeFor(card.cardNumber);
      if (!outcome) throw new DomainError("payments.sandbox.unknown_test_card", { fieldErrors: { cardNumber: "payments.sandbox.unknown_test_card" } });
      if (isCardExpired(card.expiry, now)) throw new DomainError("payments.sandbox.card_expired", { fieldErrors: { expiry: "payments.sandbox.card_expired" } });
      // Conditional: an order is completed once, even if the payer double-submits.
      const done = await db.gatewayOrder.updateMany({ where: { id: row.id, status: "CREATED" }, data: { status: outcome, updatedAt: now } });
      if (done.count === 0) throw new DomainError("payments.sandbox.order_closed");
      return deliver(await db.gatewayOrder.findUniqueOrThrow({ where: { id: row.id } }));
    },

    async redeliverCallback(orderId: string) {
      const row = await db.gatewayOrder.findUnique({ where: { id: orderId } });
      if (!row) throw new DomainError("payments.sandbox.order_not_found");
      if (row.status === "CREATED") throw new DomainError("payments.sandbox.order_open");
      return deliver(row);
    },
  };
}
