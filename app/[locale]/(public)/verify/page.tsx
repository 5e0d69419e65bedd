import { getTranslations } from "next-intl/server";
import { type LocalePageProps, pageLocale } from "@/app/_server/page-locale";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { z } from "zod";
import { redirect } from "@/components/i18n/navigation";
import { isValidIdentifier } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { formatDate } from "@/lib/platform/i18n";
import { getPublicLicenceStatus, normaliseLicenceNumber, parseAnnexNumber, type TPublicLicence } from "@/lib/cases/licences";
import { PageTitle } from "@/components/ui/page-title";
import { Section } from "@/components/ui/section";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Alert } from "@/components/ui/alert";
import { linkColumn } from "@/components/ui/link-column";
import { DataTable } from "@/components/ui/table";
import { LicenceStatusBadge } from "./[number]/licence-status-badge";
import { FileCheckForm } from "./_components/file-check-form";

export const dynamic = "force-dynamic";

const ZVerifyQuery = z.object({ q: z.string().trim().max(60).optional().catch(undefined) });

export const generateMetadata = titleMetadata("licences.verify.title");

type Outcome =
  { kind: "none" } | { kind: "invalid"; message: "invalidQuery" | "invalidIdentifier" } | { kind: "holder"; identifier: string; licences: TPublicLicence[] };

/**
 * Public licence check (no sign-in): a licence number goes to its page (the QR target); a BIN/IIN
 * lists the holder's licences; a licence PDF or a signed package is checked against the register.
 */
export default async function VerifyPage({ params, searchParams }: LocalePageProps) {
  const locale = await pageLocale(params);
  const { q } = ZVerifyQuery.parse(await searchParams);
  const [t, tf] = await Promise.all([getTranslations("licences.verify"), getTranslations("licences.fields")]);

  let outcome: Outcome = { kind: "none" };
  if (q) {
    const compact = q.replace(/\s+/g, "");
    if (/^\d{12}$/.test(compact)) {
      outcome = isValidIdentifier(compact)
        ? { kind: "holder", identifier: compact, licences: await getPublicLicenceStatus(getDb(), { identifier: compact }) }
        : { kind: "invalid", message: "invalidIdentifier" };
    } else {
      const number = normaliseLicenceNumber(compact) ?? parseAnnexNumber(compact)?.licenceNumber;
      if (number) redirect({ href: `/verify/${number}`, locale });
      outcome = { kind: "invalid", message: "invalidQuery" };
    }
  }
  const error = outcome.kind === "invalid" ? t(outcome.message) : undefined;
  const resultsTitle = outcome.kind === "holder" ? t("holderResults", { identifier: outcome.identifier, count: outcome.licences.length }) : "";

  return (
    <div className="flex flex-col gap-6">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <FilterForm label={t("title")} submitLabel={t("submit")} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <Field
          name="q"
          id="verify-q"
          label={t("queryLabel")}
          hint={t("queryHint")}
          error={error}
          defaultValue={q ?? ""}
          autoComplete="off"
          spellCheck={false}
          maxLength={60}
          required
        />
      </FilterForm>

      {outcome.kind === "holder" ? (
        <Section id="holder-results" title={resultsTitle}>
          {outcome.licences.length === 0 ? (
            <Alert>{t("noLicencesForHolder")}</Alert>
          ) : (
            <DataTable
              caption={resultsTitle}
              rows={outcome.licences}
              rowKey={(l) => l.number}
              columns={[
                linkColumn<TPublicLicence>({ key: "number", header: tf("number"), link: (l) => ({ href: `/verify/${l.number}`, text: l.number }) }),
                { key: "status", header: tf("status"), cell: (l) => <LicenceStatusBadge status={l.status} /> },
                { key: "holder", header: tf("holder"), cell: (l) => l.holder.name },
                { key: "service", header: tf("service"), cell: (l) => l.service.shortTitle[locale] },
                { key: "provider", header: tf("provider"), cell: (l) => l.provider.name[locale] },
                { key: "issuedAt", header: tf("issuedAt"), className: "whitespace-nowrap", cell: (l) => formatDate(l.issuedAt, locale) },
              ]}
            />
          )}
        </Section>
      ) : null}
      <FileCheckForm />
    </div>
  );
}
