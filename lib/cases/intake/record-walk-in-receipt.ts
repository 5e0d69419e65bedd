import { almatyDayStart } from "@/lib/cases/worklist";
import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { assertCan, type UserActor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { recordPaperReceipt } from "@/lib/cases/payments";
import { findWalkIn } from "./walk-in-readiness";

export type TRecordWalkInReceiptInput = {
  actor: UserActor;
  applicationId: string;
  receiptNumber: string;
  amountKzt: number;
  /** The calendar day printed on the bank receipt (YYYY-MM-DD, Almaty). */
  paidOn: string;
  now: Date;
  meta?: RequestMeta;
};

/**
 * Step (d) at the counter: the fee receipt the applicant brought, compared with the original and
 * recorded through the payments module (channel RECEIPT). Only for a walk-in draft: a portal
 * applicant pays through the gateway.
 */
export async function recordWalkInReceipt(db: Db, input: TRecordWalkInReceiptInput): Promise<{ paymentId: string; paymentCode: string }> {
  assertCan(input.actor, "application.intake");
  const app = await findWalkIn(db, input.actor, input.applicationId);
  if (app.status !== "DRAFT") throw new DomainError("intake.already_registered");
  return recordPaperReceipt(db, {
    actor: input.actor,
    applicationId: app.id,
    receiptNumber: input.receiptNumber,
    amountKzt: input.amountKzt,
    paidAt: almatyDayStart(input.paidOn),
    now: input.now,
    meta: input.meta,
  });
}
