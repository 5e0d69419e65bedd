import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listMyApplications } from "@/lib/cases/applications";
import { getService } from "@/lib/law/catalogue";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { PageTitle } from "@/components/ui/page-title";
import { StatusBadge } from "@/components/status/status-badge";

export default async function ApplicantHome() {
  const actor = await requireActor("application.read_own");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("cabinet");
  const rows = await listMyApplications(getDb(), actor);
  return (
    <div>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p>{t("empty")}</p>
          <Link href="/" className="mt-4 inline-block font-semibold text-brand-700 underline">
            {t("chooseService")}
          </Link>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">{t("columns.number")}</th>
                <th scope="col" className="p-3">{t("columns.service")}</th>
                <th scope="col" className="p-3">{t("columns.provider")}</th>
                <th scope="col" className="p-3">{t("columns.status")}</th>
                <th scope="col" className="p-3">{t("columns.dueAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="p-3 font-mono">
                    <Link href={`/applicant/applications/${r.id}`} className="text-brand-700 underline">
                      {r.registrationNumber ?? t("draft")}
                    </Link>
                  </td>
                  <td className="p-3">{getService(r.serviceCode)?.shortTitle[locale] ?? r.serviceCode}</td>
                  <td className="p-3">{locale === "kk" ? r.organisation.nameKk : locale === "ru" ? r.organisation.nameRu : r.organisation.nameEn}</td>
                  <td className="p-3">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="p-3">{r.dueAt ? formatDateTime(r.dueAt, locale) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
