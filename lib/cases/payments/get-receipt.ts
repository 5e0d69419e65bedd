import type { DbOrTx } from "@/lib/platform/db";
import { getService, type TVariantCode } from "@/lib/law/catalogue";
import { variantCode } from "./fee";
import { maskName } from "./mask-name";
import { normalizePaymentCode } from "./payment-code";
import { paymentFacts, type TPaymentFacts } from "./payment-status";

type I18n = { kk: string; ru: string; en: string };

/** Public receipt data: nothing personal beyond the masked applicant name. */
export type TReceipt = TPaymentFacts & {
  serviceCode: string;
  service: I18n | null;
  variant: TVariantCode;
  provider: I18n;
  applicantMasked: string;
};

/** For the public payment verification page (no sign-in). Null for malformed or unknown codes. */
export async function getReceipt(db: DbOrTx, paymentCode: string): Promise<TReceipt | null> {
  const code = normalizePaymentCode(paymentCode);
  if (!code) return null;
  const p = await db.payment.findUnique({
    where: { paymentCode: code },
    select: {
      paymentCode: true,
      status: true,
      channel: true,
      amountKzt: true,
      mci: true,
      paidAt: true,
      application: {
        select: { serviceCode: true, variant: true, applicantName: true, organisation: { select: { nameKk: true, nameRu: true, nameEn: true } } },
      },
    },
  });
  if (!p) return null;
  const a = p.application;
  return {
    ...paymentFacts(p),
    serviceCode: a.serviceCode,
    service: getService(a.serviceCode)?.shortTitle ?? null,
    variant: variantCode(a.variant),
    provider: { kk: a.organisation.nameKk, ru: a.organisation.nameRu, en: a.organisation.nameEn },
    applicantMasked: maskName(a.applicantName),
  };
}
