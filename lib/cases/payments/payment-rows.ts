import type { DbOrTx, Tx } from "@/lib/platform/db";
import { recordAudit, type AuditInput } from "@/lib/platform/audit";
import { almatyYear } from "@/lib/platform/i18n";
import { generatePaymentCode } from "./payment-code";

/** The payment an audit event is about: filed under the payment, its application and that application's organisation. */
type TPaymentRef = { id: string; applicationId: string; organisationId: string };

/** One audit row about a payment, in the caller's transaction. */
export function auditPayment(tx: DbOrTx, payment: TPaymentRef, event: Pick<AuditInput, "type" | "actor" | "at" | "data" | "meta">): Promise<void> {
  return recordAudit(tx, {
    ...event,
    entityType: "payment",
    entityId: payment.id,
    applicationId: payment.applicationId,
    organisationId: payment.organisationId,
  });
}

/** A payment code no payment has yet (codes are random: a clash is drawn again). */
export async function uniquePaymentCode(tx: Tx, now: Date): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = generatePaymentCode(now);
    if (!(await tx.payment.findUnique({ where: { paymentCode: code }, select: { id: true } }))) return code;
  }
  throw new Error("could not draw a free payment code in 5 attempts");
}

/**
 * A new payment of the application under a fresh payment code. The MCI year is that of `feeDay`
 * (the day the fee is paid: today at the gateway, the receipt's date on paper).
 */
export async function insertPayment(
  tx: Tx,
  input: {
    applicationId: string;
    quote: { amountKzt: number; mci: number };
    feeDay: Date;
    now: Date;
    row: { status: "PENDING"; channel: "GATEWAY" } | { status: "PAID"; channel: "RECEIPT"; receiptNumber: string; paidAt: Date };
  },
): Promise<{ id: string; paymentCode: string }> {
  const paymentCode = await uniquePaymentCode(tx, input.now);
  const created = await tx.payment.create({
    data: {
      applicationId: input.applicationId,
      paymentCode,
      amountKzt: input.quote.amountKzt,
      mci: input.quote.mci,
      mciYear: almatyYear(input.feeDay),
      ...input.row,
      createdAt: input.now,
    },
    select: { id: true },
  });
  return { id: created.id, paymentCode };
}
