import { can } from "@/lib/platform/auth";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDate, type Locale } from "@/lib/platform/i18n";
import { LICENCE_STATUSES, listLicences, ZLicenceListQuery } from "@/lib/cases/licences";
import { PageTitle } from "@/components/ui/page-title";
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
      <form method="get" role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="lic-status" className="font-medium">
            {t("status")}
          </label>
          <select id="lic-status" name="status" defaultValue={query.status ?? ""} className="rounded border border-slate-400 bg-white px-3 py-2">
            <option value="">{tc("all")}</option>
            {LICENCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {mine ? null : (
          <div className="flex flex-col gap-1">
            <label htmlFor="lic-holder" className="font-medium">
              {t("holder")}
            </label>
            <input id="lic-holder" name="holder" defaultValue={query.holder ?? ""} className="rounded border border-slate-400 px-3 py-2" />
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor="lic-number" className="font-medium">
            {t("number")}
          </label>
          <input id="lic-number" name="number" defaultValue={query.number ?? ""} className="rounded border border-slate-400 px-3 py-2" />
        </div>
        <div className="flex items-end">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {tc("apply")}
          </button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{mine ? t("titleMine") : t("titleOrg")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">
                  {t("number")}
                </th>
                <th scope="col" className="p-3">
                  {t("service")}
                </th>
                {mine ? null : (
                  <th scope="col" className="p-3">
                    {t("holder")}
                  </th>
                )}
                <th scope="col" className="p-3">
                  {t("status")}
                </th>
                <th scope="col" className="p-3">
                  {t("issuedAt")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="p-3 font-mono">
                    <Link href={`/licences/${r.id}`} className="text-brand-700 underline">
                      {r.number}
                    </Link>
                  </td>
                  <td className="p-3">{getService(r.serviceCode)?.shortTitle[locale] ?? r.serviceCode}</td>
                  {mine ? null : (
                    <td className="p-3">
                      {r.holderName}
                      <br />
                      <span className="font-mono text-slate-600">{r.holderIdentifier}</span>
                    </td>
                  )}
                  <td className="p-3">
                    <LicenceStatusBadge status={r.status} />
                  </td>
                  <td className="p-3">{formatDate(r.issuedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <Link href={{ pathname: "/licences", query: { ...query, after: next } }} className="mt-4 inline-block font-semibold text-brand-700 underline">
          {tc("next")}
        </Link>
      ) : null}
    </div>
  );
}
