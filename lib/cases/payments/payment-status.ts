import { DomainError } from "@/lib/platform/core";
import type { DbOrTx, PaymentStatus, Variant } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";
import { feeRequired, quoteFor } from "./fee";

/**
 * Condition 2 of the regulations: the E-licensing SDB IS checks that the fee was paid
 * [000 L199-203], [001 L254-258], [003 L266-270]. True when a PAID payment exists, or when the
 * service variant has no fee. Not scoped: call it after loading the application with its scope.
 */
export async function isApplicationPaid(db: DbOrTx, applicationId: string, loaded?: { serviceCode: string; variant: Variant }): Promise<boolean> {
  const app = loaded ?? (await db.application.findUnique({ where: { id: applicationId }, select: { serviceCode: true, variant: true } }));
  if (!app) throw new DomainError("errors.not_found");
  if (!feeRequired(app.serviceCode, app.variant)) return true;
  return (await db.payment.count({ where: { applicationId, status: "PAID" } })) > 0;
}

/**
 * For the sign and submit steps: throws `payments.not_paid`, whose text is the regulation's refusal
 * "requested service refused: no payment in the E-licensing SDB IS" [001 L256-258], [003 L268-270].
 */
export async function requirePaid(db: DbOrTx, applicationId: string): Promise<void> {
  if (!(await isApplicationPaid(db, applicationId))) throw new DomainError("payments.not_paid");
}

/** What every view of a payment shows (the applicant's panel, the public receipt check). */
export type TPaymentFacts = {
  paymentCode: string;
  status: PaymentStatus;
  channel: "GATEWAY" | "RECEIPT";
  amountKzt: number;
  mci: number;
  paidAt: Date | null;
};

export type TPaymentView = TPaymentFacts & { createdAt: Date; receiptNumber: string | null };

/** A payment row as every view shows it (the MCI count is a decimal in the database). */
export function paymentFacts(p: { paymentCode: string; status: PaymentStatus; channel: string; amountKzt: number; mci: unknown; paidAt: Date | null }): TPaymentFacts {
  return { paymentCode: p.paymentCode, status: p.status, channel: p.channel === "RECEIPT" ? "RECEIPT" : "GATEWAY", amountKzt: p.amountKzt, mci: Number(p.mci), paidAt: p.paidAt };
}

export type TPaymentOverview = {
  applicationId: string;
  applicationStatus: string;
  /** False for free services and zero-rate variants. */
  required: boolean;
  /** The fee in force now; null when free or when the MCI of the year is not configured yet. */
  fee: { amountKzt: number; mci: number; mciValue: number } | null;
  paid: boolean;
  /** The PAID payment, else the most recent one. */
  current: TPaymentView | null;
  /** All payments, newest first. */
  history: TPaymentView[];
  /** Whether the applicant may start (or retry) a payment now. */
  canPay: boolean;
};

/** What the applicant's application page shows about the fee (scoped: out of scope is not found). */
export async function getPaymentOverview(db: DbOrTx, input: { actor: Actor; applicationId: string; now: Date }): Promise<TPaymentOverview> {
  const app = await db.application.findFirst({
    where: { AND: [{ id: input.applicationId }, applicationScope(input.actor)] },
    select: { id: true, status: true, serviceCode: true, variant: true, payments: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] } },
  });
  if (!app) throw new DomainError("errors.not_found");
  const required = feeRequired(app.serviceCode, app.variant);
  let fee: TPaymentOverview["fee"] = null;
  if (required) {
    try {
      const q = quoteFor(app.serviceCode, app.variant, input.now);
      if (!q.free) fee = { amountKzt: q.amountKzt, mci: q.mci, mciValue: q.mciValue };
    } catch (e) {
      if (!(e instanceof DomainError)) throw e; // MCI of the year not configured: no fee to show
    }
  }
  const history: TPaymentView[] = app.payments.map((p) => ({ ...paymentFacts(p), createdAt: p.createdAt, receiptNumber: p.receiptNumber }));
  const paidRow = history.find((p) => p.status === "PAID") ?? null;
  const paid = !required || paidRow !== null;
  return {
    applicationId: app.id,
    applicationStatus: app.status,
    required,
    fee,
    paid,
    current: paidRow ?? history[0] ?? null,
    history,
    canPay: app.status === "DRAFT" && required && !paid && fee !== null,
  };
}
