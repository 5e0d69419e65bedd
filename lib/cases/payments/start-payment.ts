import { DomainError } from "@/lib/platform/core";
import type { Db, Tx } from "@/lib/platform/db";
import { applicationScope, assertCan, type Actor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { getService } from "@/lib/law/catalogue";
import { quoteFor } from "./fee";
import { defaultPaymentGateway } from "./gateway";
import { auditPayment, insertPayment } from "./payment-rows";
import type { PaymentGatewayPort } from "./port";

export type TStartPaymentInput = {
  actor: Actor;
  applicationId: string;
  now: Date;
  /** Public URL of the portal (callback and return addresses are built from it). */
  baseUrl: string;
  locale?: "kk" | "ru" | "en";
  /** Defaults to the configured gateway (the sandbox). */
  gateway?: PaymentGatewayPort;
  meta?: RequestMeta;
};

export type TStartPaymentResult = {
  paymentId: string;
  paymentCode: string;
  amountKzt: number;
  mci: number;
  paymentPageUrl: string;
  /** True when an unfinished payment of the same amount was continued instead of a new one. */
  reused: boolean;
};

type PendingPayment = {
  id: string;
  paymentCode: string;
  amountKzt: number;
  mci: number;
  gatewayOrderId: string | null;
  reused: boolean;
  organisationId: string;
  serviceCode: string;
};

export const callbackUrlFor = (baseUrl: string) => `${baseUrl.replace(/\/+$/, "")}/api/payments/callback`;

/**
 * Process 4 of the regulations: the applicant pays the fee through the payment gateway
 * [000 L197-198], [001 L248-253]. Creates (or continues) the PENDING payment of a DRAFT application
 * and its gateway order; returns the gateway's payment page.
 */
export async function startPayment(db: Db, input: TStartPaymentInput): Promise<TStartPaymentResult> {
  const { actor, now } = input;
  // Paying is part of making an application: only applicants, only their own (scope below).
  assertCan(actor, "application.create");
  const gateway = input.gateway ?? defaultPaymentGateway(db, { baseUrl: input.baseUrl });
  const locale = input.locale ?? "kk";

  for (let attempt = 0; attempt < 2; attempt++) {
    const p = await db.$transaction((tx) => openPayment(tx, input));
    if (p.reused && p.gatewayOrderId) {
      // The payer may have finished at the gateway while its callback is still on the way.
      const st = await gateway.getOrderStatus(p.gatewayOrderId);
      if (st?.status === "PAID") throw new DomainError("payments.awaiting_confirmation");
      if (st?.status === "DECLINED" || st?.status === "TIMEOUT") {
        await closeLocally(db, p, st.status, input);
        continue; // no money moved: start a fresh payment
      }
    }
    const svc = getService(p.serviceCode);
    const order = await gateway.createOrder({
      merchantRef: p.paymentCode,
      amountKzt: p.amountKzt,
      description: `${svc?.shortTitle[locale] ?? p.serviceCode} · ${p.paymentCode}`.slice(0, 300),
      returnUrl: `${input.baseUrl.replace(/\/+$/, "")}/${locale}/applicant/applications/${input.applicationId}?payment=${p.paymentCode}`,
      callbackUrl: callbackUrlFor(input.baseUrl),
      locale,
    });
    if (p.gatewayOrderId !== order.orderId) {
      await db.$transaction(async (tx) => {
        const linked = await tx.payment.updateMany({ where: { id: p.id, gatewayOrderId: null }, data: { gatewayOrderId: order.orderId } });
        if (linked.count === 1) {
          await auditPayment(tx, { ...p, applicationId: input.applicationId }, {
            type: "payment.order_created",
            actor,
            at: now,
            data: { paymentCode: p.paymentCode, orderId: order.orderId },
            meta: input.meta,
          });
        }
      });
    }
    return { paymentId: p.id, paymentCode: p.paymentCode, amountKzt: p.amountKzt, mci: p.mci, paymentPageUrl: order.paymentPageUrl, reused: p.reused };
  }
  throw new DomainError("payments.awaiting_confirmation");
}

async function openPayment(tx: Tx, input: TStartPaymentInput): Promise<PendingPayment> {
  const { actor, now, applicationId } = input;
  const app = await tx.application.findFirst({
    where: { AND: [{ id: applicationId }, applicationScope(actor)] },
    select: { id: true, status: true, serviceCode: true, variant: true, organisationId: true },
  });
  if (!app) throw new DomainError("errors.not_found");
  // Serialises concurrent "Pay" clicks on one application: the second continues the first's payment.
  await tx.$queryRaw`select id from "Application" where id = ${app.id} for update`;
  const current = await tx.application.findUniqueOrThrow({ where: { id: app.id }, select: { status: true } });
  if (current.status !== "DRAFT") throw new DomainError("payments.not_draft");

  const quote = quoteFor(app.serviceCode, app.variant, now);
  if (quote.free) throw new DomainError("payments.not_required");
  if (await tx.payment.findFirst({ where: { applicationId: app.id, status: "PAID" }, select: { id: true } })) {
    throw new DomainError("payments.already_paid");
  }
  const base = { organisationId: app.organisationId, serviceCode: app.serviceCode };

  const pending = await tx.payment.findFirst({ where: { applicationId: app.id, status: "PENDING", channel: "GATEWAY" }, orderBy: { createdAt: "desc" } });
  if (pending && pending.amountKzt === quote.amountKzt) {
    return {
      ...base,
      id: pending.id,
      paymentCode: pending.paymentCode,
      amountKzt: pending.amountKzt,
      mci: Number(pending.mci),
      gatewayOrderId: pending.gatewayOrderId,
      reused: true,
    };
  }
  if (pending) {
    // The MCI changed (new budget year) since the payment was opened: it cannot be paid any more.
    await tx.payment.update({ where: { id: pending.id }, data: { status: "EXPIRED" } });
    await auditPayment(tx, { ...pending, organisationId: app.organisationId }, {
      type: "payment.expired",
      actor,
      at: now,
      data: { paymentCode: pending.paymentCode, reason: "fee_changed", amountKzt: pending.amountKzt, newAmountKzt: quote.amountKzt },
      meta: input.meta,
    });
  }

  const { id, paymentCode } = await insertPayment(tx, { applicationId: app.id, quote, feeDay: now, now, row: { status: "PENDING", channel: "GATEWAY" } });
  await auditPayment(tx, { id, applicationId: app.id, organisationId: app.organisationId }, {
    type: "payment.started",
    actor,
    at: now,
    data: { paymentCode, amountKzt: quote.amountKzt, mci: quote.mci, mciValue: quote.mciValue },
    meta: input.meta,
  });
  return { ...base, id, paymentCode, amountKzt: quote.amountKzt, mci: quote.mci, gatewayOrderId: null, reused: false };
}

async function closeLocally(db: Db, p: PendingPayment, gatewayStatus: "DECLINED" | "TIMEOUT", input: TStartPaymentInput) {
  const status = gatewayStatus === "DECLINED" ? "DECLINED" : "EXPIRED";
  await db.$transaction(async (tx) => {
    const done = await tx.payment.updateMany({ where: { id: p.id, status: "PENDING" }, data: { status } });
    if (done.count === 1) {
      await auditPayment(tx, { ...p, applicationId: input.applicationId }, {
        type: status === "DECLINED" ? "payment.declined" : "payment.expired",
        actor: input.actor,
        at: input.now,
        data: { paymentCode: p.paymentCode, source: "gateway_status" },
        meta: input.meta,
      });
    }
  });
}
