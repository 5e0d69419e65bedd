import type { Tx } from "@/lib/platform/db";
import { notifyMany } from "@/lib/integration/notifications";

type PaidEvent = { applicationId: string; paymentCode: string; amountKzt: number; at: Date };

/**
 * What follows a confirmed fee, in the confirming transaction: the applicant's users are told
 * ("payment received" with the public receipt code). The workflow records the payment fact when
 * the request is submitted.
 */
export async function onPaymentPaid(tx: Tx, e: PaidEvent): Promise<void> {
  const app = await tx.application.findUniqueOrThrow({ where: { id: e.applicationId }, select: { subjectId: true, serviceCode: true } });
  const users = await tx.user.findMany({ where: { subjectId: app.subjectId, role: "APPLICANT", active: true }, select: { id: true } });
  if (!users.length) return;
  await notifyMany(tx, {
    userIds: users.map((u) => u.id),
    kind: "payment_received",
    params: { service: app.serviceCode, amountKzt: e.amountKzt, paymentCode: e.paymentCode },
    applicationId: e.applicationId,
    now: e.at,
  });
}
