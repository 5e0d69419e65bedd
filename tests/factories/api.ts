import type { Db } from "@/lib/platform/db";
import { createApiToken } from "@/lib/integration/api-tokens";
import { feeFor, type TVariantCode } from "@/lib/law/catalogue";
import { generatePaymentCode } from "@/lib/cases/payments";
import { createSubject, createUser } from "./index";

/** A legal-entity applicant with a live API token (the plain token, as the cabinet shows it once). */
export async function createApiApplicant(db: Db, now: Date, name = "integration") {
  const subject = await createSubject(db);
  const { user, actor } = await createUser(db, "APPLICANT", { subjectId: subject.id });
  const { token, apiToken } = await createApiToken(db, { actor, name, now });
  return { subject, user, actor, token, apiToken };
}

/**
 * Records the fee of an application as paid, as a confirmed gateway payment would leave it
 * (status PAID, the amount of the catalogue's fee at `paidAt`).
 */
export async function createPaidPayment(db: Db, applicationId: string, paidAt: Date) {
  const app = await db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { serviceCode: true, variant: true } });
  const quote = feeFor(app.serviceCode, app.variant.toLowerCase() as TVariantCode, paidAt);
  if (quote.free) throw new Error(`${app.serviceCode} ${app.variant} has no fee`);
  return db.payment.create({
    data: {
      applicationId,
      paymentCode: generatePaymentCode(paidAt),
      amountKzt: quote.amountKzt,
      mci: quote.mci,
      mciYear: Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric" }).format(paidAt)),
      status: "PAID",
      channel: "GATEWAY",
      createdAt: paidAt,
      paidAt,
    },
  });
}
