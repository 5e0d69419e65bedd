import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listOfficers, listOrganisationOptions, OFFICER_ROLES, ZOfficerListQuery } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import type { Locale } from "@/lib/platform/i18n";
import { fullName, orgName } from "@/components/admin/format";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { linkColumn } from "@/components/ui/link-column";
import { DataTable } from "@/components/ui/table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Staff accounts with filters by organisation, role and status. */
export default async function OfficersPage({ searchParams }: Props) {
  const actor = await requireActor("admin.users");
  const locale = (await getLocale()) as Locale;
  const [t, tr] = await Promise.all([getTranslations("admin.officers"), getTranslations("common.roles")]);
  const query = ZOfficerListQuery.parse(await searchParams);
  const db = getDb();
  const [{ rows, total, page, pages }, orgs] = await Promise.all([listOfficers(db, actor, query), listOrganisationOptions(db)]);
  const filters = { organisationId: query.organisationId, role: query.role, active: query.active === undefined ? undefined : String(query.active), q: query.q };
  const pageLink = (p: number) => ({
    pathname: "/admin/officers",
    query: Object.fromEntries(Object.entries({ ...filters, page: String(p) }).filter(([, v]) => v !== undefined && v !== "")),
  });
  const all = t("all");
  const orgOptions = orgs.map((o) => ({ value: o.id, label: orgName(o, locale) }));
  const roleOptions = OFFICER_ROLES.map((r) => ({ value: r, label: tr(r) }));
  const activeOptions = [
    { value: "true", label: t("active") },
    { value: "false", label: t("inactive") },
  ];
  const org = query.organisationId ? orgs.find((o) => o.id === query.organisationId) : undefined;

  return (
    <div>
      <PageTitle lead={org ? t("leadOrganisation", { name: orgName(org, locale) }) : t("lead")}>{t("title")}</PageTitle>
      <div className="mb-4">
        <Link
          href={{ pathname: "/admin/officers/new", query: query.organisationId ? { organisationId: query.organisationId } : {} }}
          className="inline-flex items-center rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("create")}
        </Link>
      </div>
      <FilterForm label={t("filters")} submitLabel={t("apply")} reset={{ href: "/admin/officers", label: t("reset") }}>
        <SelectField
          id="of-org"
          name="organisationId"
          label={t("organisation")}
          defaultValue={query.organisationId ?? ""}
          placeholder={all}
          options={orgOptions}
          selectClassName="max-w-[min(20rem,100%)]"
        />
        <SelectField id="of-role" name="role" label={t("role")} defaultValue={query.role ?? ""} placeholder={all} options={roleOptions} />
        <SelectField id="of-active" name="active" label={t("status")} defaultValue={filters.active ?? ""} placeholder={all} options={activeOptions} />
        <Field id="of-q" name="q" label={t("search")} defaultValue={query.q ?? ""} />
      </FilterForm>
      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("total", { count: total })}
      </p>
      <DataTable
        caption={t("title")}
        rows={rows}
        rowKey={(u) => u.id}
        empty={t("empty")}
        columns={[
          linkColumn<(typeof rows)[number]>({
            key: "name",
            header: t("columns.name"),
            mono: false,
            link: (u) => ({ href: `/admin/officers/${u.id}`, text: fullName(u) }),
          }),
          { key: "login", header: t("columns.login"), cell: (u) => <span className="font-mono">{u.login}</span> },
          {
            key: "role",
            header: t("columns.role"),
            cell: (u) => (
              <>
                {tr(u.role)}
                {u.supervisorScope ? <span className="text-slate-700"> · {t(`scopes.${u.supervisorScope}`)}</span> : null}
              </>
            ),
          },
          { key: "organisation", header: t("columns.organisation"), cell: (u) => orgName(u.organisation, locale) },
          { key: "signing", header: t("columns.signing"), cell: (u) => (u.canSign ? t("canSignYes") : "—") },
          { key: "status", header: t("columns.status"), cell: (u) => (u.active ? t("active") : t("inactive")) },
        ]}
      />
      {pages > 1 ? (
        <Pagination
          label={t("pagination")}
          previous={page > 1 ? { href: pageLink(page - 1), label: t("previous") } : null}
          status={t("page", { page, pages })}
          next={page < pages ? { href: pageLink(page + 1), label: t("next") } : null}
        />
      ) : null}
    </div>
  );
}
