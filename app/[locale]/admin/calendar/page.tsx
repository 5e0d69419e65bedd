import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listCalendarYears, nationalCoverage } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { AddYearForm } from "@/app/[locale]/admin/calendar/_components/calendar-year-actions";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";

/** The national working-time calendar per year (holidays and transfers) that every deadline uses. */
export default async function CalendarYearsPage() {
  const actor = await requireActor("admin.calendar");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin.calendar");
  const rows = await listCalendarYears(getDb(), actor);
  const coverage = nationalCoverage();
  const suggested = rows.length ? Math.max(...rows.map((r) => r.year)) + 1 : coverage.from;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
        <Alert tone="info">{t("runningNote")}</Alert>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-3">{t("columns.year")}</th>
              <th scope="col" className="p-3">{t("columns.holidays")}</th>
              <th scope="col" className="p-3">{t("columns.extraWorkingDays")}</th>
              <th scope="col" className="p-3">{t("columns.extraDaysOff")}</th>
              <th scope="col" className="p-3">{t("columns.updated")}</th>
              <th scope="col" className="p-3">{t("columns.warnings")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.year} className="border-t border-slate-200">
                <td className="p-3">
                  <Link href={`/admin/calendar/${r.year}`} className="font-semibold text-brand-700 underline underline-offset-4" aria-label={t("editYear", { year: r.year })}>
                    {r.year}
                  </Link>
                </td>
                <td className="p-3">{r.holidays}</td>
                <td className="p-3">{r.extraWorkingDays}</td>
                <td className="p-3">{r.extraDaysOff}</td>
                <td className="p-3">
                  {formatDateTime(r.updatedAt, locale)}
                  <br />
                  <span className="text-slate-700">{r.updatedBy ?? t("initialData")}</span>
                </td>
                <td className="p-3">{r.warnings > 0 ? t("warningsCount", { count: r.warnings }) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="cal-add" className="flex flex-col gap-3">
        <h2 id="cal-add" className="text-xl font-semibold">
          {t("addTitle")}
        </h2>
        <AddYearForm suggested={suggested} coverage={coverage} />
      </section>
    </div>
  );
}
