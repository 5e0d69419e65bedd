import type { ReactNode } from "react";
import { orNotFound } from "@/app/_server/or-not-found";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { uploadMaxBytes } from "@/lib/cases/documents";
import { almatyDate, formatDate, formatMoneyKzt, type Locale } from "@/lib/platform/i18n";
import { getWalkIn } from "@/lib/cases/intake";
import { PageTitle } from "@/components/ui/page-title";
import { Alert } from "@/components/ui/alert";
import { WalkInDetailsForm } from "@/app/[locale]/officer/walk-in/_components/walk-in-details-form";
import { WalkInScans } from "@/components/intake/walk-in-scans";
import { FeeReceiptForm } from "@/app/[locale]/officer/walk-in/_components/fee-receipt-form";
import { RegisterPanel } from "@/app/[locale]/officer/walk-in/_components/register-panel";
import { ScanSigning } from "@/app/[locale]/officer/walk-in/_components/scan-signing";
import { SummaryList } from "@/components/ui/summary-list";

const ZParams = z.object({ id: z.uuid(), locale: z.string() });

function Section({ id, n, title, done, children }: { id: string; n: number; title: string; done?: boolean; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby={id}>
      <h2 id={id} className="mb-4 flex items-center gap-3 text-xl font-semibold">
        <span
          aria-hidden="true"
          className={`inline-flex h-8 w-8 items-center justify-center rounded-full text-base ${done ? "bg-green-700 text-white" : "bg-brand-100 text-brand-800"}`}
        >
          {done ? "✓" : n}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Steps (b)–(e) of the walk-in intake: form and paper checklist, scans, fee receipt, review and register. */
export default async function WalkInPage({ params }: { params: Promise<{ id: string; locale: string }> }) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const actor = await requireActor("application.intake");
  const locale = (await getLocale()) as Locale;
  const now = new Date();
  const view = await orNotFound(getWalkIn(getDb(), { actor, applicationId: parsed.data.id, now }));
  if (view.status !== "DRAFT") return redirect({ href: `/officer/walk-in/${view.id}/receipt`, locale });

  const t = await getTranslations("intake");
  const tv = await getTranslations("catalogue.variant");
  const tr = await getTranslations("catalogue.recipient");
  const r = view.readiness;
  const formOk = Object.keys(r.formErrors).length === 0;
  const paperOk = r.packageRecorded && r.paperPackage.notPresent.length === 0;
  const scansOk = r.packageRecorded && r.paperPackage.notScanned.length === 0 && r.paperPackage.scannedNotPresent.length === 0;
  const label = (key: string) => view.paperSlots.find((s) => s.key === key)?.label[locale] ?? key;
  const idLabel = view.applicant.kind === "LEGAL_ENTITY" ? t("applicant.bin") : t("applicant.iin");

  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <PageTitle lead={`${view.service.shortTitle[locale]} · ${tv(view.variant)}`}>{t("draft.title", { name: view.applicant.name })}</PageTitle>
      {view.channel === "PSC" ? <Alert tone="info">{t("psc.draftNotice")}</Alert> : null}
      {view.channel === "POST" && view.receivedByPostOn ? (
        <Alert tone="info">
          {t("post.draftNotice", {
            date: formatDate(new Date(`${view.receivedByPostOn}T12:00:00Z`), locale),
            reply: view.replyByPost ? t("post.replyByPost") : "",
          })}
        </Alert>
      ) : null}

      <Section id="wi-s1" n={1} title={t("applicant.title")} done>
        <SummaryList
          className=""
          rows={[
            { label: t("applicant.name"), value: view.applicant.name },
            { label: idLabel, value: view.applicant.identifier, mono: true },
            {
              label: t("applicant.category"),
              value: tr(
                view.applicant.kind === "LEGAL_ENTITY" ? "legal_entity" : view.applicant.kind === "INDIVIDUAL" ? "individual" : "individual_entrepreneur",
              ),
            },
            ...(view.applicant.legalAddress ? [{ label: t("applicant.address"), value: view.applicant.legalAddress }] : []),
            ...(view.applicant.headName ? [{ label: t("applicant.head"), value: view.applicant.headName }] : []),
            {
              label: t("applicant.representative"),
              value: view.representative
                ? t("applicant.representativeValue", {
                    name: view.representative.fullName,
                    iin: view.representative.iin,
                    number: view.representative.poaNumber ?? "—",
                    date: view.representative.poaDate ? formatDate(view.representative.poaDate, locale) : "—",
                  })
                : t("applicant.inPerson"),
            },
          ]}
        />
      </Section>

      <Section id="wi-s2" n={2} title={t("details.title")} done={formOk && paperOk}>
        <WalkInDetailsForm
          applicationId={view.id}
          fields={view.fields}
          initial={view.formData}
          slots={view.paperSlots.map((s) => ({ key: s.key, label: s.label, required: s.required, hint: s.hint }))}
          present={view.present}
        />
      </Section>

      <Section id="wi-s3" n={3} title={t("scans.title")} done={scansOk}>
        <p className="mb-4 text-slate-700">{t("scans.lead")}</p>
        <WalkInScans
          applicationId={view.id}
          slots={view.paperSlots.map((s) => ({ key: s.key, label: s.label, required: s.required, multiple: s.multiple, hint: s.hint }))}
          documents={view.documents.map((d) => ({
            id: d.id,
            slotKey: d.slotKey,
            fileName: d.fileName,
            mimeType: d.mimeType,
            size: d.size,
            scanned: d.scanned,
          }))}
          maxBytes={uploadMaxBytes()}
        />
      </Section>

      {view.channel === "PSC" && view.scanListBase64 ? (
        <Section id="wi-s3e" n={3} title={t("psc.signTitle")} done={r.scansSigned === true}>
          <ScanSigning applicationId={view.id} contentBase64={view.scanListBase64} signed={r.scansSigned === true} />
        </Section>
      ) : null}

      <Section id="wi-s4" n={4} title={t("fee.title")} done={r.paid}>
        {!view.feeRequired ? (
          <p>{t("fee.free")}</p>
        ) : view.payment ? (
          <Alert tone="success" title={t("fee.recorded")}>
            <p>
              {t("fee.recordedValue", {
                number: view.payment.receiptNumber ?? view.payment.paymentCode,
                amount: formatMoneyKzt(view.payment.amountKzt, locale),
                date: view.payment.paidAt ? formatDate(view.payment.paidAt, locale) : "—",
              })}
            </p>
          </Alert>
        ) : (
          <>
            {view.fee ? <p className="mb-4 text-slate-700">{t("fee.due", { amount: formatMoneyKzt(view.fee.amountKzt, locale), mci: view.fee.mci })}</p> : null}
            <FeeReceiptForm applicationId={view.id} defaultAmountKzt={view.fee?.amountKzt ?? null} today={almatyDate(now)} />
          </>
        )}
      </Section>

      <Section id="wi-s5" n={5} title={t("register.title")}>
        {r.ready ? (
          <p className="mb-4">{t("register.ready")}</p>
        ) : (
          <Alert tone="info" title={t("register.notReady")}>
            <ul className="list-inside list-disc">
              {!r.packageRecorded ? (
                // Nothing saved yet: one instruction instead of every document of the package.
                <li>{t("register.recordPackage")}</li>
              ) : (
                <>
                  {formOk ? null : <li>{t("register.fixForm")}</li>}
                  {r.paperPackage.notPresent.map((k) => (
                    <li key={`np-${k}`}>{t("register.notPresent", { document: label(k) })}</li>
                  ))}
                  {r.paperPackage.notScanned.map((k) => (
                    <li key={`ns-${k}`}>{t("register.notScanned", { document: label(k) })}</li>
                  ))}
                  {r.paperPackage.scannedNotPresent.map((k) => (
                    <li key={`sp-${k}`}>{t("register.scannedNotPresent", { document: label(k) })}</li>
                  ))}
                </>
              )}
              {r.paid ? null : <li>{t("register.recordFee")}</li>}
              {r.scansSigned === false ? <li>{t("psc.signFirst")}</li> : null}
            </ul>
          </Alert>
        )}
        <div className="mt-4">
          <RegisterPanel applicationId={view.id} ready={r.ready} />
        </div>
      </Section>
    </div>
  );
}
