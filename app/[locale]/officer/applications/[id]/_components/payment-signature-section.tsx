import { getLocale, getTranslations } from "next-intl/server";
import type { OfficerApplication } from "@/lib/cases/officer-actions";
import { formatDateTime, formatMoneyKzt, type Locale } from "@/lib/platform/i18n";
import { DataTable } from "@/components/ui/table";
import { TwoLineCell } from "@/components/ui/two-line-cell";
import { Section } from "./section";

type Translator = { has: (key: never) => boolean; (key: never): string };

/** The translated name of a stored code, or the code itself when the catalogue has no message for it. */
function known(t: Translator, key: string, code: string): string {
  return t.has(key as never) ? t(key as never) : code;
}

/** The fee (Payment rows) and the verification of the request's EDS signature (Signature rows). */
export async function PaymentSignatureSection({ app, paymentConfirmedAt, signatureVerifiedAt }: { app: OfficerApplication; paymentConfirmedAt?: string; signatureVerifiedAt?: string }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer.payment");
  const tp = await getTranslations("payments");
  const dt = (d: Date | string | null | undefined) => (d ? formatDateTime(new Date(d), locale) : "—");
  return (
    <Section id="payment" title={t("title")}>
      <h3 className="text-lg font-semibold">{t("payments")}</h3>
      {paymentConfirmedAt ? <p className="text-sm text-slate-700">{t("confirmedAt", { at: dt(paymentConfirmedAt) })}</p> : null}
      <DataTable
        caption={t("payments")}
        empty={t("noPayments")}
        rows={app.payments}
        rowKey={(p) => p.id}
        columns={[
          { key: "code", header: t("code"), className: "font-mono", cell: (p) => p.paymentCode },
          { key: "amount", header: t("amount"), className: "whitespace-nowrap", cell: (p) => formatMoneyKzt(p.amountKzt, locale) },
          { key: "status", header: t("status"), cell: (p) => known(tp, `status.${p.status}`, p.status) },
          { key: "channel", header: t("channel"), cell: (p) => `${known(tp, `channel.${p.channel}`, p.channel)}${p.receiptNumber ? ` · ${p.receiptNumber}` : ""}` },
          { key: "paidAt", header: t("paidAt"), className: "whitespace-nowrap", cell: (p) => dt(p.paidAt) },
        ]}
      />

      <h3 className="mt-4 text-lg font-semibold">{t("signatures")}</h3>
      {signatureVerifiedAt ? <p className="text-sm text-slate-700">{t("verifiedAt", { at: dt(signatureVerifiedAt) })}</p> : null}
      <DataTable
        caption={t("signatures")}
        empty={app.channel === "PROVIDER" ? t("paperSigned") : t("noSignatures")}
        rows={app.signatures}
        rowKey={(s) => s.id}
        columns={[
          { key: "purpose", header: t("purpose"), cell: (s) => t(`purposes.${s.purpose}`) },
          { key: "signer", header: t("signer"), cell: (s) => <TwoLineCell main={s.signerName} sub={[s.signerIin, s.signerBin].filter(Boolean).join(" / ")} subClassName="font-mono text-slate-700" /> },
          { key: "serial", header: t("serial"), className: "font-mono break-all", cell: (s) => s.certSerial },
          { key: "signingTime", header: t("signingTime"), className: "whitespace-nowrap", cell: (s) => dt(s.signingTime) },
          { key: "verification", header: t("verification"), cell: (s) => known(t, `statuses.${s.status}`, s.status) },
          {
            key: "package",
            header: t("package"),
            cell: (s) =>
              s.status === "valid" && (s.purpose === "REQUEST" || s.purpose === "DECISION") ? (
                <a className="text-brand-700 underline" href={`/api/signatures/${s.id}/package`}>
                  {t("downloadPackage")}
                </a>
              ) : null,
          },
        ]}
      />
    </Section>
  );
}
