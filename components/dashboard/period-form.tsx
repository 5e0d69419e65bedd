import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { intlLocale, type Locale } from "@/lib/platform/i18n";

export type TPeriodFormValues = { period: string; year: number; month: number; quarter: number; from?: string; to?: string; organisationId?: string; service?: string };
type Option = { value: string; label: string };

const FIELD = "rounded border border-slate-400 bg-white px-3 py-2";

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {children}
    </div>
  );
}

/** Narrows the figures to one organisation or service; the empty choice means all of them. */
function ChoiceFilter({ id, name, label, allLabel, options, value }: { id: string; name: string; label: string; allLabel: string; options: Option[]; value?: string }) {
  return (
    <Labelled id={id} label={label}>
      <select id={id} name={name} defaultValue={value ?? ""} className={`${FIELD} max-w-[min(20rem,100%)]`}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Labelled>
  );
}

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
        <Labelled id="p-kind" label={t("quality.periodKind")}>
          <select id="p-kind" name="period" defaultValue={values.period} className={FIELD} aria-describedby={errorId}>
            {(["month", "quarter", "year", "custom"] as const).map((k) => (
              <option key={k} value={k}>{t(`quality.periodKinds.${k}`)}</option>
            ))}
          </select>
        </Labelled>
        <Labelled id="p-year" label={t("quality.yearLabel")}>
          <input id="p-year" name="year" type="number" min={2013} max={2100} defaultValue={values.year} className={`${FIELD} w-28`} />
        </Labelled>
        <Labelled id="p-month" label={t("quality.monthLabel")}>
          <select id="p-month" name="month" defaultValue={values.month} className={FIELD}>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>{monthName.format(new Date(Date.UTC(2026, i, 1)))}</option>
            ))}
          </select>
        </Labelled>
        <Labelled id="p-quarter" label={t("quality.quarterLabel")}>
          <select id="p-quarter" name="quarter" defaultValue={values.quarter} className={FIELD}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>{t("quality.quarterN", { n })}</option>
            ))}
          </select>
        </Labelled>
        <Labelled id="p-from" label={t("quality.fromLabel")}>
          <input id="p-from" name="from" type="date" defaultValue={values.from} className={FIELD} aria-describedby="p-custom-hint" />
        </Labelled>
        <Labelled id="p-to" label={t("quality.toLabel")}>
          <input id="p-to" name="to" type="date" defaultValue={values.to} className={FIELD} aria-describedby="p-custom-hint" />
        </Labelled>
      </fieldset>
      <p id="p-custom-hint" className="mt-2 text-xs text-slate-600">{t("quality.customHint")}</p>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        {organisations.length > 1 ? (
          <ChoiceFilter id="p-org" name="organisationId" label={t("dashboard.organisationLabel")} allLabel={t("dashboard.allOrganisations")} options={organisations} value={values.organisationId} />
        ) : null}
        <ChoiceFilter id="p-service" name="service" label={t("dashboard.serviceLabel")} allLabel={t("dashboard.allServices")} options={services} value={values.service} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("dashboard.apply")}</button>
      </div>
      {errorCode ? (
        <p id="period-error" role="alert" className="mt-3 font-medium text-red-700">{t(errorCode.replace(/^supervisor\./, "") as "errors.bad_period")}</p>
      ) : null}
    </form>
  );
}
