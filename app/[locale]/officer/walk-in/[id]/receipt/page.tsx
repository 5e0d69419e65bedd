import { isRole } from "@/lib/platform/auth";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { formatDate, formatDateTime, formatMoneyKzt, type Locale } from "@/lib/platform/i18n";
import { getWalkInReceipt, type TWalkInReceipt } from "@/lib/cases/intake";
import { PrintButton } from "@/components/intake/print-button";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { TextLink } from "@/components/ui/text-link";

const ZParams = z.object({ id: z.uuid(), locale: z.string() });

// On paper only the receipt: no site header, footer, skip link or buttons; black on white, A4.
const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 15mm; }
  body { background: #fff !important; }
  body > header, body > footer, .skip-link { display: none !important; }
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .walk-in-receipt { border: 0 !important; box-shadow: none !important; padding: 0 !important; color: #000 !important; }
  .walk-in-receipt a { color: #000 !important; text-decoration: none !important; }
}
`;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-2 sm:grid-cols-[14rem_1fr] print:grid-cols-[14rem_1fr]">
      <dt className="font-medium text-slate-700 print:text-black">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

async function load(id: string): Promise<TWalkInReceipt | "draft"> {
  const actor = await requireActor("application.intake");
  try {
    return await getWalkInReceipt(getDb(), { actor, applicationId: id });
  } catch (e) {
    if (isDomainError(e) && e.code === "errors.not_found") notFound();
    if (isDomainError(e) && e.code === "intake.not_registered") return "draft";
    throw e;
  }
}

export const generateMetadata = titleMetadata("intake.receipt.metaTitle");

/** Step (f): the registration receipt for the walk-in applicant, printable. */
export default async function WalkInReceiptPage({ params }: { params: Promise<{ id: string; locale: string }> }) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const locale = (await getLocale()) as Locale;
  const r = await load(parsed.data.id);
  if (r === "draft") return redirect({ href: `/officer/walk-in/${parsed.data.id}`, locale });

  const t = await getTranslations("intake.receipt");
  const tv = await getTranslations("catalogue.variant");
  const tRoles = await getTranslations("common.roles");
  const identifierLabel = r.applicant.kind === "LEGAL_ENTITY" ? t("bin") : t("iin");
  const position = r.officer
    ? r.officer.position && !isRole(r.officer.position)
      ? r.officer.position
      : tRoles(isRole(r.officer.position) ? r.officer.position : r.officer.role)
    : null;

  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <PrintButton label={t("print")} />
        <TextLink href="/officer/walk-in" strong>
          {t("next")}
        </TextLink>
        <TextLink href="/officer">{t("worklist")}</TextLink>
      </div>

      <article aria-labelledby="receipt-title" className="walk-in-receipt rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
        <p className="text-sm text-slate-700 print:text-black">{r.organisation.name[locale]}</p>
        {r.organisation.address ? <p className="text-sm text-slate-700 print:text-black">{r.organisation.address[locale]}</p> : null}
        <h1 id="receipt-title" className="mt-3 text-2xl font-bold">
          {t("title", { number: r.registrationNumber })}
        </h1>
        <p className="mt-1 text-slate-700 print:text-black">{t("lead")}</p>

        <dl className="mt-4">
          <Row label={t("number")}>
            <span className="font-mono text-lg font-semibold">{r.registrationNumber}</span>
          </Row>
          <Row label={t("registeredAt")}>{formatDateTime(r.registeredAt, locale)}</Row>
          <Row label={t("service")}>
            {r.service.title[locale]} — {tv(r.service.variant)}
          </Row>
          <Row label={t("applicant")}>
            {r.applicant.name}
            <br />
            {identifierLabel}: <span className="font-mono">{r.applicant.identifier}</span>
            {r.applicant.legalAddress ? (
              <>
                <br />
                {r.applicant.legalAddress}
              </>
            ) : null}
          </Row>
          <Row label={t("representative")}>
            {r.representative ? (
              <>
                {r.representative.fullName}, {t("iin")}: <span className="font-mono">{r.representative.iin}</span>
                <br />
                {t("poa", { number: r.representative.poaNumber ?? "—", date: r.representative.poaDate ? formatDate(r.representative.poaDate, locale) : "—" })}
              </>
            ) : (
              t("inPerson")
            )}
          </Row>
          <Row label={t("documents")}>
            <ol className="list-inside list-decimal">
              {r.documents.map((d) => (
                <li key={d.key}>
                  {d.label[locale]} <span className="text-sm text-slate-700 print:text-black">({t("scans", { count: d.scans })})</span>
                </li>
              ))}
            </ol>
          </Row>
          <Row label={t("fee")}>
            {r.fee
              ? t("feeValue", {
                  number: r.fee.receiptNumber ?? r.fee.paymentCode,
                  amount: formatMoneyKzt(r.fee.amountKzt, locale),
                  date: r.fee.paidAt ? formatDate(r.fee.paidAt, locale) : "—",
                })
              : t("free")}
          </Row>
          <Row label={t("readyBy")}>{r.readyBy ? formatDate(r.readyBy, locale) : "—"}</Row>
          <Row label={t("officer")}>{r.officer ? `${r.officer.name}, ${position}` : "—"}</Row>
        </dl>

        <div className="mt-10 grid gap-8 sm:grid-cols-2 print:grid-cols-2">
          <p className="border-t border-slate-500 pt-1 text-sm">{t("officerSignature")}</p>
          <p className="border-t border-slate-500 pt-1 text-sm">{t("applicantSignature")}</p>
        </div>
        <p className="mt-6 text-sm text-slate-700 print:text-black">{t("footer")}</p>
      </article>
    </div>
  );
}
