import { regionName } from "@/components/layout/region-name";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listOrganisationsWithStaff } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import type { Locale } from "@/lib/platform/i18n";
import { orgName } from "@/components/admin/format";
import { PageTitle } from "@/components/ui/page-title";

export default async function AdminHome() {
  await requireActor("admin.area");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin");
  const tAll = await getTranslations();
  const orgs = await listOrganisationsWithStaff(getDb());
  return (
    <div>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("organisations")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-3">{t("columns.organisation")}</th>
              <th scope="col" className="p-3">{t("columns.region")}</th>
              <th scope="col" className="p-3">{t("columns.hours")}</th>
              <th scope="col" className="p-3">{t("columns.staff")}</th>
              <th scope="col" className="p-3">{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {orgs.map((o) => (
              <tr key={o.id} className="border-t border-slate-200">
                <td className="p-3">
                  <Link href={`/admin/organisations/${o.id}`} className="font-semibold text-brand-700 underline underline-offset-4">
                    {orgName(o, locale)}
                  </Link>
                </td>
                <td className="p-3">{regionName(tAll, o.region)}</td>
                <td className="p-3">{o.hours}</td>
                <td className="p-3">
                  <Link href={{ pathname: "/admin/officers", query: { organisationId: o.id } }} className="text-brand-700 underline underline-offset-4" aria-label={t("staffLink", { count: o.staff, name: orgName(o, locale) })}>
                    {o.staff}
                  </Link>
                </td>
                <td className="p-3">{o.active ? t("active") : t("inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
