import { getLocale, getTranslations } from "next-intl/server";
import { intlLocale, type Locale } from "@/lib/platform/i18n";

export type TPeriodFormValues = { period: string; year: number; month: number; quarter: number; from?: string; to?: string; organisationId?: string; service?: string };
type Option = { value: string; label: string };

const FIELD = "rounded border border-slate-400 bg-white px-3 py-2";

/**
 * Period and filters of the quality page as a plain GET form (works without JavaScript):
 * month, quarter, year or custom dates (Almaty calendar days, both inclusive).
 */
export async function PeriodForm({ values, organisations, services, errorCode }: { values: TPeriodFormValues; organisations: Option[]; services: Option[]; errorCode?: string }) {
  const t = await getTranslations("supervisor");
  const locale = (await getLocale()) as Locale;
  const monthName = new Intl.DateTimeFormat(intlLocale(locale), { month: "long", timeZone: "UTC" });
  const errorId = errorCode ? "period-error" : undefined;
  return (
    <form method="get" className="mb-6 rounded-lg border border-slate-200 bg-white p-4" aria-label={t("quality.filters")}>
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="mb-2 font-semibold">{t("quality.periodLabel")}</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor="p-kind" className="text-sm font-medium">{t("quality.periodKind")}</label>
          <select id="p-kind" name="period" defaultValue={values.period} className={FIELD} aria-describedby={errorId}>
            {(["month", "quarter", "year", "custom"] as const).map((k) => (
              <option key={k} value={k}>{t(`quality.periodKinds.${k}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="p-year" className="text-sm font-medium">{t("quality.yearLabel")}</label>
          <input id="p-year" name="year" type="number" min={2013} max={2100} defaultValue={values.year} className={`${FIELD} w-28`} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="p-month" className="text-sm font-medium">{t("quality.monthLabel")}</label>
          <select id="p-month" name="month" defaultValue={values.month} className={FIELD}>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>{monthName.format(new Date(Date.UTC(2026, i, 1)))}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="p-quarter" className="text-sm font-medium">{t("quality.quarterLabel")}</label>
          <select id="p-quarter" name="quarter" defaultValue={values.quarter} className={FIELD}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>{t("quality.quarterN", { n })}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="p-from" className="text-sm font-medium">{t("quality.fromLabel")}</label>
          <input id="p-from" name="from" type="date" defaultValue={values.from} className={FIELD} aria-describedby="p-custom-hint" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="p-to" className="text-sm font-medium">{t("quality.toLabel")}</label>
          <input id="p-to" name="to" type="date" defaultValue={values.to} className={FIELD} aria-describedby="p-custom-hint" />
        </div>
      </fieldset>
      <p id="p-custom-hint" className="mt-2 text-xs text-slate-600">{t("quality.customHint")}</p>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        {organisations.length > 1 ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="p-org" className="text-sm font-medium">{t("dashboard.organisationLabel")}</label>
            <select id="p-org" name="organisationId" defaultValue={values.organisationId ?? ""} className={`${FIELD} max-w-[min(20rem,100%)]`}>
              <option value="">{t("dashboard.allOrganisations")}</option>
              {organisations.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="p-service" className="text-sm font-medium">{t("dashboard.serviceLabel")}</label>
          <select id="p-service" name="service" defaultValue={values.service ?? ""} className={`${FIELD} max-w-[min(20rem,100%)]`}>
            <option value="">{t("dashboard.allServices")}</option>
            {services.map((s) => (
              <option key={s.value} value={s.value}>{s.label}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("dashboard.apply")}</button>
      </div>
      {errorCode ? (
        <p id="period-error" role="alert" className="mt-3 font-medium text-red-700">{t(errorCode.replace(/^supervisor\./, "") as "errors.bad_period")}</p>
      ) : null}
    </form>
  );
}
