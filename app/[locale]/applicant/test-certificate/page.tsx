import { getLocale, getTranslations } from "next-intl/server";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { notFound } from "next/navigation";
import { requireActor } from "@/app/_server/session";
import { isDemoMode } from "@/lib/platform/demo";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { formatDate, type Locale } from "@/lib/platform/i18n";
import { SELF_SERVICE_DAILY_LIMIT, type SelfServiceHolder, listSelfServiceCertificates, selfServiceHolder } from "@/lib/trust/certificates";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { PanelSection } from "@/components/ui/panel-section";
import { SummaryList } from "@/components/ui/summary-list";
import { DataTable } from "@/components/ui/table";
import { CertificateStatusBadge } from "@/components/signing/certificate-status-badge";
import { TestCertificateForm } from "@/app/[locale]/applicant/test-certificate/_components/test-certificate-form";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("testEds.title");

/** Sandbox CA self-service: a signing certificate for the applicant's own IIN/BIN, key made in the browser. */
export default async function TestCertificatePage() {
  if (!isDemoMode(process.env)) notFound();
  const actor = await requireActor("pki.self_service");
  const locale = (await getLocale()) as Locale;
  const [t, tAll] = await Promise.all([getTranslations("testEds"), getTranslations()]);
  const db = getDb();
  const now = new Date();
  let holder: SelfServiceHolder | null = null;
  let holderError: string | null = null;
  try {
    holder = await selfServiceHolder(db, actor);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    holderError = e.code;
  }
  const issued = await listSelfServiceCertificates(db, actor, { now });
  const name = holder ? [holder.surname, holder.givenName, holder.patronymic].filter(Boolean).join(" ") : "";
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-5">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950" data-testid="sandbox-banner">
        <p className="font-bold uppercase">{t("sandboxTitle")}</p>
        <p>{t("sandbox")}</p>
      </div>
      {holder ? (
        <PanelSection id="holder-title" title={t("holderTitle")}>
          <p className="text-sm text-slate-700">{t("holderLead")}</p>
          <SummaryList
            className=""
            rows={[
              { label: t("labels.name"), value: <span className="font-medium">{name}</span> },
              { label: t("labels.iin"), value: holder.iin, mono: true, testId: "holder-iin" },
              ...(holder.bin
                ? [
                    { label: t("labels.organisation"), value: holder.organisation },
                    { label: t("labels.bin"), value: holder.bin, mono: true, testId: "holder-bin" },
                  ]
                : []),
              { label: t("labels.role"), value: t(`roles.${holder.role}`) },
            ]}
          />
        </PanelSection>
      ) : (
        <Alert tone="error">{tAll(holderError ?? "testEds.errors.not_applicant")}</Alert>
      )}
      <PanelSection id="how-title" title={t("howTitle")}>
        <ol className="list-inside list-decimal">
          <li>{t("how.generate")}</li>
          <li>{t("how.request")}</li>
          <li>{t("how.package")}</li>
        </ol>
      </PanelSection>
      {holder ? <TestCertificateForm limitText={t("limit", { limit: SELF_SERVICE_DAILY_LIMIT })} /> : null}
      <PanelSection id="issued-title" title={t("issuedTitle")}>
        <DataTable
          caption={t("issuedTitle")}
          rows={issued}
          rowKey={(c) => c.serial}
          empty={t("none")}
          // The browser test counts the issued certificates by this hook.
          rowData={(c) => ({ "data-serial": c.serial })}
          columns={[
            { key: "serial", header: t("columns.serial"), className: "font-mono", cell: (c) => c.serial },
            { key: "subject", header: t("columns.subject"), cell: (c) => c.holderName },
            {
              key: "validity",
              header: t("columns.validity"),
              className: "whitespace-nowrap",
              cell: (c) => `${formatDate(c.notBefore, locale)} – ${formatDate(c.notAfter, locale)}`,
            },
            { key: "status", header: <span className="sr-only">{t("labels.validity")}</span>, cell: (c) => <CertificateStatusBadge status={c.status} /> },
          ]}
        />
      </PanelSection>
    </div>
  );
}
