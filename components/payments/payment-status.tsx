import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { formatDateTime, formatMoneyKzt, intlLocale, isLocale, DEFAULT_LOCALE, type Locale } from "@/lib/platform/i18n";
import type { TPaymentOverview } from "@/lib/cases/payments";
import { Badge, type BadgeToneMap } from "@/components/ui/badge";

const TONES: BadgeToneMap = { PAID: "success", PENDING: "warning", DECLINED: "danger", EXPIRED: "closed", NONE: "neutral" };

export async function PaymentStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("payments");
  return (
    <Badge tone={TONES[status] ?? "neutral"} data-testid="payment-status" data-status={status}>
      {status === "NONE" ? t("panel.notStarted") : t(`status.${status}`)}
    </Badge>
  );
}

type Props = {
  /** From `getPaymentOverview(db, { actor, applicationId, now })`. */
  overview: TPaymentOverview;
  /** The Pay button (route-specific: it calls the route's action), rendered while paying is possible. */
  payButton?: (p: { applicationId: string; amountLabel?: string; mode: "pay" | "retry" | "continue" }) => React.ReactNode;
  /** 3 when the panel sits inside a section that already has an h2. */
  headingLevel?: 2 | 3;
};

/**
 * The fee panel of an application: amount in tenge and in MCI, status, payment code (with a link to
 * the public check) and, while unpaid, the Pay button. Drop it into the application page.
 */
export async function PaymentStatus({ overview, payButton, headingLevel = 2 }: Props) {
  const H = headingLevel === 3 ? "h3" : "h2";
  const l = await getLocale();
  const locale: Locale = isLocale(l) ? l : DEFAULT_LOCALE;
  const t = await getTranslations("payments");
  const num = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 });
  const { current, fee } = overview;

  if (!overview.required) {
    return (
      <section aria-labelledby="payment-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <H id="payment-title" className="mb-2 text-xl font-semibold">
          {t("panel.title")}
        </H>
        <p>{t("panel.free")}</p>
      </section>
    );
  }

  const shown = current?.status === "PAID" || !fee ? current : fee;
  const status = current?.status ?? "NONE";
  const hint = overview.paid ? "paidHint" : status === "PENDING" ? "pendingHint" : status === "DECLINED" || status === "EXPIRED" ? "failedHint" : "unpaidHint";
  const mode = status === "PENDING" ? "continue" : status === "DECLINED" || status === "EXPIRED" ? "retry" : "pay";
  const earlier = overview.history.filter((p) => p.paymentCode !== current?.paymentCode);

  return (
    <section aria-labelledby="payment-title" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5" data-testid="payment-panel">
      <H id="payment-title" className="text-xl font-semibold">
        {t("panel.title")}
      </H>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {shown ? (
          <>
            <dt className="text-slate-700">{t("panel.amount")}</dt>
            <dd className="font-semibold">
              {t("panel.amountValue", { amount: formatMoneyKzt(shown.amountKzt, locale), mci: num.format(shown.mci) })}
              {shown === fee && fee ? (
                <span className="block text-sm font-normal text-slate-700">
                  {t("panel.mciNote", { mci: num.format(fee.mci), mciValue: formatMoneyKzt(fee.mciValue, locale) })}
                </span>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-700">{t("panel.status")}</dt>
        <dd>
          <PaymentStatusBadge status={status} />
        </dd>
        {current ? (
          <>
            <dt className="text-slate-700">{t("panel.code")}</dt>
            <dd>
              <span className="font-mono" data-testid="payment-code">
                {current.paymentCode}
              </span>{" "}
              <Link href={{ pathname: "/verify/payment", query: { code: current.paymentCode } }} className="text-sm text-brand-700 underline">
                {t("panel.verifyLink")}
              </Link>
            </dd>
          </>
        ) : null}
        {current?.paidAt ? (
          <>
            <dt className="text-slate-700">{t("panel.paidAt")}</dt>
            <dd>{formatDateTime(current.paidAt, locale)}</dd>
            <dt className="text-slate-700">{t("panel.channel")}</dt>
            <dd>{t(`channel.${current.channel}`)}</dd>
          </>
        ) : null}
        {current?.receiptNumber ? (
          <>
            <dt className="text-slate-700">{t("panel.receiptNumber")}</dt>
            <dd className="font-mono">{current.receiptNumber}</dd>
          </>
        ) : null}
      </dl>
      <p className={overview.paid ? "text-green-900" : "text-slate-800"}>{t(`panel.${hint}`)}</p>
      {!overview.paid && !fee ? <p className="text-red-800">{t("panel.feeUnknown")}</p> : null}
      {payButton && overview.canPay ? payButton({ applicationId: overview.applicationId, amountLabel: fee ? formatMoneyKzt(fee.amountKzt, locale) : undefined, mode }) : null}
      {earlier.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">{t("panel.history")}</summary>
          <ul className="mt-2 flex flex-col gap-1">
            {earlier.map((p) => (
              <li key={p.paymentCode} className="flex flex-wrap gap-3">
                <span className="font-mono">{p.paymentCode}</span>
                <span>{formatDateTime(p.createdAt, locale)}</span>
                <span>{t(`status.${p.status}`)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
