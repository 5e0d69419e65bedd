import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { listOrganisationsWithStaff } from "@/lib/admin";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n";
import { PageTitle } from "@/components/ui/page-title";

export default async function AdminHome() {
  await requireActor(["ADMIN"]);
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin");
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
            </tr>
          </thead>
          <tbody>
            {orgs.map((o) => (
              <tr key={o.id} className="border-t border-slate-200">
                <td className="p-3">{locale === "kk" ? o.nameKk : locale === "ru" ? o.nameRu : o.nameEn}</td>
                <td className="p-3">{o.region}</td>
                <td className="p-3">{o.hours}</td>
                <td className="p-3">{o.staff}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
