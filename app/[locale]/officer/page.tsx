import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { STAFF_ROLES } from "@/lib/auth";
import { getService } from "@/lib/catalogue";
import { getDb } from "@/lib/db";
import { formatDateTime, type Locale } from "@/lib/i18n";
import { listWorklist, ZWorklistQuery } from "@/lib/worklist";
import { PageTitle } from "@/components/ui/page-title";
import { DeadlineBadge, StatusBadge } from "@/components/status/status-badge";

export default async function OfficerWorklist({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(STAFF_ROLES);
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("officer");
  const tc = await getTranslations("common");
  const parsed = ZWorklistQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : {};
  const { rows, next } = await listWorklist(getDb(), actor, query);
  return (
    <div>
      <PageTitle lead={t("lead", { role: tc(`roles.${actor.role}`) })}>{t("title")}</PageTitle>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <div className="flex flex-col gap-1">
          <label htmlFor="wl-q" className="text-sm font-medium">
            {t("searchLabel")}
          </label>
          <input id="wl-q" name="q" defaultValue={query.q ?? ""} className="rounded border border-slate-400 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {tc("apply")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">{t("columns.number")}</th>
                <th scope="col" className="p-3">{t("columns.applicant")}</th>
                <th scope="col" className="p-3">{t("columns.service")}</th>
                <th scope="col" className="p-3">{t("columns.status")}</th>
                <th scope="col" className="p-3">{t("columns.stepDue")}</th>
                <th scope="col" className="p-3">{t("columns.deadline")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="p-3 font-mono">{r.registrationNumber ?? "—"}</td>
                  <td className="p-3">
                    {r.applicantName}
                    <br />
                    <span className="font-mono text-slate-600">{r.applicantIdentifier}</span>
                  </td>
                  <td className="p-3">{getService(r.serviceCode)?.shortTitle[locale] ?? r.serviceCode}</td>
                  <td className="p-3">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="p-3">{r.stepDueAt ? formatDateTime(r.stepDueAt, locale) : "—"}</td>
                  <td className="p-3">
                    <DeadlineBadge level={r.deadlineLevel} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <Link href={{ pathname: "/officer", query: { ...query, after: next } }} className="mt-4 inline-block font-semibold text-brand-700 underline">
          {tc("next")}
        </Link>
      ) : null}
    </div>
  );
}
