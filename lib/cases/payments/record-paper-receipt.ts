import { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, assertCan, type Actor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { quoteFor } from "./fee";
import { auditPayment, insertPayment } from "./payment-rows";
import type { TOnPaid } from "./paid-hook";
import { inTransaction } from "@/lib/platform/db";

/** The clerk's form for a fee paid at a bank (walk-in applicant with a paper receipt). */
export const ZPaperReceiptInput = z.object({
  applicationId: z.uuid(),
  receiptNumber: z.string().trim().min(1).max(64),
  amountKzt: z.coerce.number().int().positive(),
  paidAt: z.coerce.date(),
});
export type TPaperReceiptInput = z.infer<typeof ZPaperReceiptInput>;

const OPEN_STATUSES = ["DRAFT", "SUBMITTED"] as const;

/**
 * Walk-in intake: the office clerk records the applicant's paper receipt (channel RECEIPT) after
 * comparing it with the original ("proof of fee payment" among the documents, [004 L2482-2551]).
 * The amount must be the fee in force on the day it was paid.
 */
export async function recordPaperReceipt(
  db: DbOrTx,
  input: TPaperReceiptInput & { actor: Actor; now: Date; meta?: RequestMeta; onPaid?: TOnPaid },
): Promise<{ paymentId: string; paymentCode: string }> {
  const { actor, now } = input;
  assertCan(actor, "application.intake");
  const receiptNumber = input.receiptNumber.trim();
  if (input.paidAt.getTime() > now.getTime()) {
    throw new DomainError("payments.receipt_in_future", { fieldErrors: { paidAt: "payments.receipt_in_future" } });
  }
  return inTransaction(db, async (tx) => {
    const app = await tx.application.findFirst({
      where: { AND: [{ id: input.applicationId }, applicationScope(actor)] },
      select: { id: true, serviceCode: true, variant: true, organisationId: true },
    });
    if (!app) throw new DomainError("errors.not_found");
    await tx.$queryRaw`select id from "Application" where id = ${app.id} for update`;
    const { status } = await tx.application.findUniqueOrThrow({ where: { id: app.id }, select: { status: true } });
    if (!(OPEN_STATUSES as readonly string[]).includes(status)) throw new DomainError("payments.application_closed");

    const quote = quoteFor(app.serviceCode, app.variant, input.paidAt);
    if (quote.free) throw new DomainError("payments.not_required");
    if (input.amountKzt !== quote.amountKzt) {
      throw new DomainError("payments.amount_mismatch", { fieldErrors: { amountKzt: "payments.amount_mismatch" }, expectedKzt: quote.amountKzt });
    }
    if (await tx.payment.count({ where: { applicationId: app.id, status: "PAID" } })) throw new DomainError("payments.already_paid");
    if (await tx.payment.count({ where: { channel: "RECEIPT", receiptNumber } })) {
      throw new DomainError("payments.receipt_already_used", { fieldErrors: { receiptNumber: "payments.receipt_already_used" } });
    }

    // An unfinished gateway payment can no longer be needed once the fee is proven on paper.
    const pending = await tx.payment.findMany({ where: { applicationId: app.id, status: "PENDING" }, select: { id: true, paymentCode: true } });
    for (const p of pending) {
      await tx.payment.update({ where: { id: p.id }, data: { status: "EXPIRED" } });
      await auditPayment(tx, { id: p.id, applicationId: app.id, organisationId: app.organisationId }, {
        type: "payment.expired",
        actor,
        at: now,
        data: { paymentCode: p.paymentCode, reason: "paid_on_paper" },
        meta: input.meta,
      });
    }

    const created = await insertPayment(tx, {
      applicationId: app.id,
      quote,
      feeDay: input.paidAt,
      now,
      row: { status: "PAID", channel: "RECEIPT", receiptNumber, paidAt: input.paidAt },
    });
    const { paymentCode } = created;
    await auditPayment(tx, { id: created.id, applicationId: app.id, organisationId: app.organisationId }, {
      type: "payment.receipt_recorded",
      actor,
      at: now,
      data: { paymentCode, receiptNumber, amountKzt: quote.amountKzt, paidAt: input.paidAt.toISOString() },
      meta: input.meta,
    });
    await input.onPaid?.(tx, {
      applicationId: app.id,
      paymentId: created.id,
      paymentCode,
      amountKzt: quote.amountKzt,
      paidAt: input.paidAt,
      channel: "RECEIPT",
      at: now,
    });
    return { paymentId: created.id, paymentCode };
  });
}
