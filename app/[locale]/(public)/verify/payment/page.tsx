import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/app/_server/db";
import { formatDateTime, formatMoneyKzt, intlLocale, isLocale, type Locale } from "@/lib/platform/i18n";
import { getReceipt, normalizePaymentCode, type TReceipt } from "@/lib/cases/payments";
import { PageTitle } from "@/components/ui/page-title";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SummaryList, type SummaryRow } from "@/components/ui/summary-list";
import { FilterForm } from "@/components/ui/filter-form";
import { PaymentStatusBadge } from "@/components/payments/payment-status";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ZSearch = z.object({ code: z.string().trim().max(40).optional().catch(undefined) });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "payments.verify" });
  return { title: t("title") };
}

/** Public check of a payment by its code (no sign-in): status, amount, service, masked applicant. */
export default async function VerifyPaymentPage({ params, searchParams }: Props) {
  const { locale: l } = await params;
  if (!isLocale(l)) notFound();
  setRequestLocale(l);
  const locale: Locale = l;
  const t = await getTranslations("payments");
  const { code } = ZSearch.parse(await searchParams);
  const canonical = code ? normalizePaymentCode(code) : null;
  const receipt = canonical ? await getReceipt(getDb(), canonical) : null;
  const formatError = code && !canonical ? t("verify.code_invalid") : undefined;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageTitle lead={t("verify.lead")}>{t("verify.title")}</PageTitle>
      <FilterForm submitLabel={t("verify.submit")} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:flex-row sm:items-end">
        <Field
          name="code"
          label={t("verify.code")}
          hint={t("verify.codeHint")}
          defaultValue={code ?? ""}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          required
          className="flex-1"
          error={formatError}
        />
      </FilterForm>
      {canonical && !receipt ? <Alert tone="error">{t("verify.notFound")}</Alert> : null}
      {receipt ? <ReceiptCard receipt={receipt} locale={locale} t={t} /> : null}
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"payments">>>;

async function ReceiptCard({ receipt: r, locale, t }: { receipt: TReceipt; locale: Locale; t: T }) {
  const tc = await getTranslations("catalogue");
  const num = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 });
  const rows: SummaryRow[] = [
    { label: t("verify.status"), value: <PaymentStatusBadge status={r.status} /> },
    { label: t("verify.amount"), value: t("panel.amountValue", { amount: formatMoneyKzt(r.amountKzt, locale), mci: num.format(r.mci) }) },
    ...(r.paidAt ? [{ label: t("verify.paidAt"), value: formatDateTime(r.paidAt, locale) }] : []),
    { label: t("verify.channel"), value: t(`channel.${r.channel}`) },
    { label: t("verify.service"), value: `${r.service?.[locale] ?? r.serviceCode} · ${tc(`variant.${r.variant}`)}` },
    { label: t("verify.provider"), value: r.provider[locale] },
    { label: t("verify.applicant"), value: r.applicantMasked },
  ];
  return (
    <section aria-labelledby="receipt-title" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="receipt">
      <h2 id="receipt-title" className="mb-3 text-xl font-semibold">
        {t("verify.result", { code: r.paymentCode })}
      </h2>
      <SummaryList rows={rows} className="" />
      {r.status === "PAID" ? <p className="mt-4 text-sm text-green-900">{t("verify.genuine")}</p> : null}
    </section>
  );
}
