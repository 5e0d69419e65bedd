import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireActor } from "@/app/_server/session";
import { getCalendarYear, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR, nationalCoverage } from "@/lib/oversight/admin";
import { getDb } from "@/app/_server/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { CalendarYearEditor } from "@/app/[locale]/admin/calendar/_components/calendar-year-editor";
import { RegenerateYearForm } from "@/app/[locale]/admin/calendar/_components/calendar-year-actions";
import { formatIsoDay } from "@/components/admin/format";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { orNotFound } from "@/app/_server/or-not-found";

type Props = { params: Promise<{ year: string }> };

/** One year: holidays, transferred working days and days off; warnings; regeneration from the national data. */
export default async function CalendarYearPage({ params }: Props) {
  const actor = await requireActor("admin.calendar");
  const year = z.coerce
    .number()
    .int()
    .min(MIN_CALENDAR_YEAR)
    .max(MAX_CALENDAR_YEAR)
    .safeParse((await params).year);
  if (!year.success) notFound();
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin.calendar");
  const row = await orNotFound(getCalendarYear(getDb(), actor, year.data));
  const coverage = nationalCoverage();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <PageHeader
          back={{ href: "/admin/calendar", label: t("back") }}
          lead={
            row.updatedBy
              ? t("lastUpdated", { at: formatDateTime(row.updatedAt, locale), by: row.updatedBy })
              : t("lastUpdatedInitial", { at: formatDateTime(row.updatedAt, locale) })
          }
        >
          {t("yearTitle", { year: row.year })}
        </PageHeader>
        <Alert tone="info">{t("runningNote")}</Alert>
      </div>
      {row.warnings.length > 0 ? (
        <Alert tone="info" title={t("warningsTitle")}>
          <ul className="mt-1 list-disc pl-5">
            {row.warnings.map((w) => (
              <li key={`${w.list}-${w.date}`}>{t(w.code.replace(/^admin\.calendar\./, ""), { date: formatIsoDay(w.date, locale) })}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <CalendarYearEditor
        year={row.year}
        lists={{ holidays: row.holidays, extraWorkingDays: row.extraWorkingDays, extraDaysOff: row.extraDaysOff }}
        updatedAt={row.updatedAt.toISOString()}
      />
      <Section id="cal-regen" title={t("regenerateTitle")}>
        {row.national ? <RegenerateYearForm year={row.year} /> : <p>{t("notCoveredText", { from: coverage.from, to: coverage.to })}</p>}
      </Section>
    </div>
  );
}
