import { can } from "@/lib/platform/auth";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDate, type Locale } from "@/lib/platform/i18n";
import { LICENCE_STATUSES, listLicences, ZLicenceListQuery } from "@/lib/cases/licences";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-title";
import { SelectField } from "@/components/ui/select-field";
import { linkColumn } from "@/components/ui/link-column";
import { DataTable } from "@/components/ui/table";
import { LicenceStatusBadge } from "@/components/licences/licence-status-badge";

/**
 * The licence register: an applicant sees their own licences ("My licences"), officers their
 * organisation's, supervisors their scope — the query is scoped by lib/licences.
 */
export default async function LicencesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("licence.read");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("licences.register");
  const tc = await getTranslations("common");
  const parsed = ZLicenceListQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : {};
  const { rows, next } = await listLicences(getDb(), actor, query);
  const mine = can(actor, "licence.read_own");
  return (
    <div>
      <PageTitle lead={mine ? t("leadMine") : t("leadOrg")}>{mine ? t("titleMine") : t("titleOrg")}</PageTitle>
      <FilterForm submitLabel={tc("apply")} className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <SelectField
          id="lic-status"
          name="status"
          label={t("status")}
          defaultValue={query.status ?? ""}
          placeholder={tc("all")}
          options={LICENCE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
        {mine ? null : <Field id="lic-holder" name="holder" label={t("holder")} defaultValue={query.holder ?? ""} />}
        <Field id="lic-number" name="number" label={t("number")} defaultValue={query.number ?? ""} />
      </FilterForm>
      <DataTable
        caption={mine ? t("titleMine") : t("titleOrg")}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("empty")}
        columns={[
          linkColumn<(typeof rows)[number]>({ key: "number", header: t("number"), link: (r) => ({ href: `/licences/${r.id}`, text: r.number }) }),
          { key: "service", header: t("service"), cell: (r) => getService(r.serviceCode)?.shortTitle[locale] ?? r.serviceCode },
          ...(mine
            ? []
            : [
                {
                  key: "holder",
                  header: t("holder"),
                  cell: (r: (typeof rows)[number]) => (
                    <>
                      {r.holderName}
                      <br />
                      <span className="font-mono text-slate-600">{r.holderIdentifier}</span>
                    </>
                  ),
                },
              ]),
          { key: "status", header: t("status"), cell: (r) => <LicenceStatusBadge status={r.status} /> },
          { key: "issuedAt", header: t("issuedAt"), cell: (r) => formatDate(r.issuedAt, locale) },
        ]}
      />
      {next ? (
        <Link href={{ pathname: "/licences", query: { ...query, after: next } }} className="mt-4 inline-block font-semibold text-brand-700 underline">
          {tc("next")}
        </Link>
      ) : null}
    </div>
  );
}
