import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/navigation";
import { requireActor } from "@/app/_server/session";
import { listCalendarYears, nationalCoverage } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { AddYearForm } from "@/app/[locale]/admin/calendar/_components/calendar-year-actions";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";

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
      <DataTable
        caption={t("title")}
        rows={rows}
        rowKey={(r) => String(r.year)}
        columns={[
          {
            key: "year",
            header: t("columns.year"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/admin/calendar/${r.year}`} className="font-semibold text-brand-700 underline underline-offset-4" aria-label={t("editYear", { year: r.year })}>
                {r.year}
              </Link>
            ),
          },
          { key: "holidays", header: t("columns.holidays"), numeric: true, cell: (r) => r.holidays },
          { key: "extraWorkingDays", header: t("columns.extraWorkingDays"), numeric: true, cell: (r) => r.extraWorkingDays },
          { key: "extraDaysOff", header: t("columns.extraDaysOff"), numeric: true, cell: (r) => r.extraDaysOff },
          {
            key: "updated",
            header: t("columns.updated"),
            cell: (r) => (
              <>
                {formatDateTime(r.updatedAt, locale)}
                <br />
                <span className="text-slate-700">{r.updatedBy ?? t("initialData")}</span>
              </>
            ),
          },
          { key: "warnings", header: t("columns.warnings"), cell: (r) => (r.warnings > 0 ? t("warningsCount", { count: r.warnings }) : "—") },
        ]}
      />
      <Section id="cal-add" title={t("addTitle")}>
        <AddYearForm suggested={suggested} coverage={coverage} />
      </Section>
    </div>
  );
}
