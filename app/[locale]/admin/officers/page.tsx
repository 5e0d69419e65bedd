import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listOfficers, listOrganisationOptions, OFFICER_ROLES, ZOfficerListQuery } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import type { Locale } from "@/lib/platform/i18n";
import { fullName, orgName } from "@/components/admin/format";
import { PageTitle } from "@/components/ui/page-title";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const selectClass = "rounded border border-slate-400 bg-white px-3 py-2";

/** Staff accounts with filters by organisation, role and status. */
export default async function OfficersPage({ searchParams }: Props) {
  const actor = await requireActor("admin.users");
  const locale = (await getLocale()) as Locale;
  const [t, tr] = await Promise.all([getTranslations("admin.officers"), getTranslations("common.roles")]);
  const query = ZOfficerListQuery.parse(await searchParams);
  const db = getDb();
  const [{ rows, total, page, pages }, orgs] = await Promise.all([listOfficers(db, actor, query), listOrganisationOptions(db)]);
  const filters = { organisationId: query.organisationId, role: query.role, active: query.active === undefined ? undefined : String(query.active), q: query.q };
  const pageLink = (p: number) => ({ pathname: "/admin/officers", query: Object.fromEntries(Object.entries({ ...filters, page: String(p) }).filter(([, v]) => v !== undefined && v !== "")) });
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
      <form method="get" role="search" aria-label={t("filters")} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="of-org" className="text-sm font-medium">
            {t("organisation")}
          </label>
          <select id="of-org" name="organisationId" defaultValue={query.organisationId ?? ""} className={`${selectClass} max-w-[min(20rem,100%)]`}>
            <option value="">{t("all")}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {orgName(o, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="of-role" className="text-sm font-medium">
            {t("role")}
          </label>
          <select id="of-role" name="role" defaultValue={query.role ?? ""} className={selectClass}>
            <option value="">{t("all")}</option>
            {OFFICER_ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="of-active" className="text-sm font-medium">
            {t("status")}
          </label>
          <select id="of-active" name="active" defaultValue={filters.active ?? ""} className={selectClass}>
            <option value="">{t("all")}</option>
            <option value="true">{t("active")}</option>
            <option value="false">{t("inactive")}</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="of-q" className="text-sm font-medium">
            {t("search")}
          </label>
          <input id="of-q" name="q" defaultValue={query.q ?? ""} className="rounded border border-slate-400 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("apply")}
        </button>
        <Link href="/admin/officers" className="px-2 py-2 font-semibold text-brand-700 underline underline-offset-4">
          {t("reset")}
        </Link>
      </form>
      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("total", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">{t("columns.name")}</th>
                <th scope="col" className="p-3">{t("columns.login")}</th>
                <th scope="col" className="p-3">{t("columns.role")}</th>
                <th scope="col" className="p-3">{t("columns.organisation")}</th>
                <th scope="col" className="p-3">{t("columns.signing")}</th>
                <th scope="col" className="p-3">{t("columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id} className="border-t border-slate-200">
                  <td className="p-3">
                    <Link href={`/admin/officers/${u.id}`} className="font-semibold text-brand-700 underline underline-offset-4">
                      {fullName(u)}
                    </Link>
                  </td>
                  <td className="p-3 font-mono">{u.login}</td>
                  <td className="p-3">
                    {tr(u.role)}
                    {u.supervisorScope ? <span className="text-slate-700"> · {t(`scopes.${u.supervisorScope}`)}</span> : null}
                  </td>
                  <td className="p-3">{orgName(u.organisation, locale)}</td>
                  <td className="p-3">{u.canSign ? t("canSignYes") : "—"}</td>
                  <td className="p-3">{u.active ? t("active") : t("inactive")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center gap-6">
          {page > 1 ? (
            <Link href={pageLink(page - 1)} className="font-semibold text-brand-700 underline">
              {t("previous")}
            </Link>
          ) : null}
          <span>{t("page", { page, pages })}</span>
          {page < pages ? (
            <Link href={pageLink(page + 1)} className="font-semibold text-brand-700 underline">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
