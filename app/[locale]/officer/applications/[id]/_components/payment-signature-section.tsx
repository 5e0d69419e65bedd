import { getLocale, getTranslations } from "next-intl/server";
import type { OfficerApplication } from "@/lib/cases/officer-actions";
import { formatDateTime, formatMoneyKzt, type Locale } from "@/lib/platform/i18n";
import { Section } from "./section";

/** The fee (Payment rows) and the verification of the request's EDS signature (Signature rows). */
export async function PaymentSignatureSection({ app, paymentConfirmedAt, signatureVerifiedAt }: { app: OfficerApplication; paymentConfirmedAt?: string; signatureVerifiedAt?: string }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.payment");
  const tp = await getTranslations("payments");
  const dt = (d: Date | string | null | undefined) => (d ? formatDateTime(new Date(d), locale) : "—");
  const signatures = app.signatures;
  return (
    <Section id="payment" title={t("title")}>
      <h3 className="text-lg font-semibold">{t("payments")}</h3>
      {paymentConfirmedAt ? <p className="text-sm text-slate-700">{t("confirmedAt", { at: dt(paymentConfirmedAt) })}</p> : null}
      {app.payments.length === 0 ? (
        <p className="text-slate-700">{t("noPayments")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">{t("payments")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">{t("code")}</th>
                <th scope="col" className="p-2">{t("amount")}</th>
                <th scope="col" className="p-2">{t("status")}</th>
                <th scope="col" className="p-2">{t("channel")}</th>
                <th scope="col" className="p-2">{t("paidAt")}</th>
              </tr>
            </thead>
            <tbody>
              {app.payments.map((p) => (
                <tr key={p.id} className="border-t border-slate-200">
                  <td className="p-2 font-mono">{p.paymentCode}</td>
                  <td className="p-2 whitespace-nowrap">{formatMoneyKzt(p.amountKzt, locale)}</td>
                  <td className="p-2">{tp.has(`status.${p.status}` as never) ? tp(`status.${p.status}` as never) : p.status}</td>
                  <td className="p-2">
                    {tp.has(`channel.${p.channel}` as never) ? tp(`channel.${p.channel}` as never) : p.channel}
                    {p.receiptNumber ? ` · ${p.receiptNumber}` : ""}
                  </td>
                  <td className="p-2 whitespace-nowrap">{dt(p.paidAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="mt-4 text-lg font-semibold">{t("signatures")}</h3>
      {signatureVerifiedAt ? <p className="text-sm text-slate-700">{t("verifiedAt", { at: dt(signatureVerifiedAt) })}</p> : null}
      {signatures.length === 0 ? (
        <p className="text-slate-700">{app.channel === "PROVIDER" ? t("paperSigned") : t("noSignatures")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">{t("signatures")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">{t("purpose")}</th>
                <th scope="col" className="p-2">{t("signer")}</th>
                <th scope="col" className="p-2">{t("serial")}</th>
                <th scope="col" className="p-2">{t("signingTime")}</th>
                <th scope="col" className="p-2">{t("verification")}</th>
                <th scope="col" className="p-2">{t("package")}</th>
              </tr>
            </thead>
            <tbody>
              {signatures.map((s) => (
                <tr key={s.id} className="border-t border-slate-200 align-top">
                  <td className="p-2">{t(`purposes.${s.purpose}`)}</td>
                  <td className="p-2">
                    {s.signerName}
                    <span className="block font-mono text-slate-700">{[s.signerIin, s.signerBin].filter(Boolean).join(" / ")}</span>
                  </td>
                  <td className="p-2 font-mono break-all">{s.certSerial}</td>
                  <td className="p-2 whitespace-nowrap">{dt(s.signingTime)}</td>
                  <td className="p-2">{t.has(`statuses.${s.status}` as never) ? t(`statuses.${s.status}` as never) : s.status}</td>
                  <td className="p-2">
                    {s.status === "valid" && (s.purpose === "REQUEST" || s.purpose === "DECISION") ? (
                      <a className="text-brand-700 underline" href={`/api/signatures/${s.id}/package`}>
                        {t("downloadPackage")}
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
