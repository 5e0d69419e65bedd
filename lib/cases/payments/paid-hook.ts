import type { Tx } from "@/lib/platform/db";

/** A fee has just been recorded as paid (gateway callback or paper receipt). */
export type TPaymentPaidEvent = {
  applicationId: string;
  paymentId: string;
  paymentCode: string;
  amountKzt: number;
  paidAt: Date;
  channel: "GATEWAY" | "RECEIPT";
  /** Business time of the recording. */
  at: Date;
};

/**
 * Runs inside the transaction that marks the payment PAID, so that what follows from it (the
 * workflow's `payment_confirmed` command, the `payment_received` notification) commits with it or
 * not at all. If it throws, nothing is recorded and the gateway gets a 500 and retries.
 */
export type TOnPaid = (tx: Tx, event: TPaymentPaidEvent) => Promise<void>;
