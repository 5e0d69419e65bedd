import type { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import type { Locale } from "@/lib/platform/i18n";
import { intlLocale } from "@/lib/platform/i18n";
import { almatyDate, indicatorTrend, INDICATOR_IDS, INDICATOR_KEYS, organisationName, qualityIndicators, resolveOrgScope, resolvePeriod, stepDurations, ZIndicatorQuery } from "@/lib/oversight/metrics";
import { PageTitle } from "@/components/ui/page-title";
import { SupervisorNav } from "@/components/dashboard/sub-nav";
import { ExportLink } from "@/components/dashboard/export-link";
import { PeriodForm } from "@/components/dashboard/period-form";
import { formatShare, ShareValue } from "@/components/dashboard/share-value";
import { NUM, Section, TableWrap, TD, TH } from "@/components/dashboard/section";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { flatParams, sectionsFor } from "../_lib/sections";
import { scopeServices } from "../_lib/scope-services";

export async function generateMetadata() {
  const t = await getTranslations("supervisor.quality");
  return { title: t("title") };
}

const SERIES = [
  { key: "onTime", color: "#005f73" },
  { key: "process", color: "#b45309", dash: "6 3" },
  { key: "information", color: "#6d28d9", dash: "2 2" },
  { key: "courtesy", color: "#15803d", dash: "8 3 2 3" },
] as const;

export default async function QualityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("dashboard.read");
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("supervisor");
  const ts = await getTranslations("notifications.steps");
  const now = new Date();
  const db = getDb();
  const raw = flatParams(await searchParams);
  const parsed = ZIndicatorQuery.safeParse(raw);
  let query: z.output<typeof ZIndicatorQuery> = parsed.success ? parsed.data : ZIndicatorQuery.parse({});
  let errorCode: string | undefined = parsed.success ? undefined : "supervisor.errors.bad_period";
  try {
    resolvePeriod(query, now);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    errorCode = e.code;
    query = ZIndicatorQuery.parse({});
  }
  const [report, trend, steps, fullScope] = await Promise.all([
    qualityIndicators(db, actor, query, now),
    indicatorTrend(db, actor, query, now),
    stepDurations(db, actor, query, now),
    resolveOrgScope(db, actor),
  ]);
  const p = report.period;
  const orgs = new Map(report.scope.organisations.map((o) => [o.id, organisationName(o, locale)]));
  const serviceName = (code: string | null) => (code ? (getService(code)?.shortTitle[locale] ?? code) : t("columns.noService"));
  const [cy, cm] = almatyDate(now).split("-").map(Number) as [number, number];
  const exportQuery = { period: p.kind, year: query.year, month: query.month, quarter: query.quarter, from: query.from, to: query.to, organisationId: query.organisationId, service: query.service };
  const monthFmt = new Intl.DateTimeFormat(intlLocale(locale), { month: "short", year: "numeric", timeZone: "UTC" });
  const dayFmt = new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", timeZone: "UTC" });
  const bucketLabel = (b: string) => (trend.granularity === "month" ? monthFmt : dayFmt).format(new Date(`${b}T00:00:00Z`));
  const chartRows = trend.points.map((pt) => ({
    bucket: pt.bucket,
    label: bucketLabel(pt.bucket),
    ...Object.fromEntries(SERIES.map((s) => [s.key, pt[s.key].value === null ? null : Math.round(pt[s.key].value! * 1000) / 10])),
  }));
  const withData = trend.points.filter((pt) => pt.onTime.value !== null).length;
  const seriesLabel = (k: (typeof SERIES)[number]["key"]) => `${INDICATOR_IDS[k]} ${t(`quality.indicators.${k}`)}`;

  return (
    <div>
      <SupervisorNav sections={sectionsFor(actor)} current="quality" />
      <PageTitle lead={t("quality.lead")}>{t("quality.title")}</PageTitle>
      <PeriodForm
        values={{ period: p.kind, year: query.year ?? cy, month: query.month ?? cm, quarter: query.quarter ?? Math.ceil(cm / 3), from: query.from ?? p.fromDate, to: query.to ?? p.toDate, organisationId: query.organisationId, service: query.service }}
        organisations={fullScope.organisations.map((o) => ({ value: o.id, label: organisationName(o, locale) }))}
        services={scopeServices(fullScope.organisations).map((s) => ({ value: s.code, label: s.shortTitle[locale] }))}
        errorCode={errorCode}
      />
      <p className="mb-6 text-lg font-semibold">{t("quality.periodHeading", { from: p.fromDate, to: p.toDate })}</p>

      <Section
        id="totals"
        title={t("quality.totalsTitle")}
        lead={t("quality.definitions")}
        actions={
          <>
            <ExportLink href="/api/supervisor/export/indicators" query={exportQuery} />
            <ExportLink href="/api/supervisor/report.pdf" query={exportQuery} label={t("quality.exportPdf")} />
          </>
        }
      >
        <TableWrap>
          <table className="w-full text-sm">
            <caption className="sr-only">{t("quality.totalsTitle")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={TH}>{t("quality.columns.id")}</th>
                <th scope="col" className={TH}>{t("quality.columns.indicator")}</th>
                <th scope="col" className={`${TH} text-right`}>{t("quality.columns.normative")}</th>
                <th scope="col" className={`${TH} text-right`}>{t("quality.columns.target", { year: report.targets.year })}</th>
                <th scope="col" className={`${TH} text-right`}>{t("quality.columns.value")}</th>
                <th scope="col" className={`${TH} text-right`}>{t("quality.columns.counts")}</th>
                <th scope="col" className={`${TH} text-right`}>{t("quality.columns.partially")}</th>
              </tr>
            </thead>
            <tbody>
              {INDICATOR_KEYS.map((k) => {
                const s = report.totals[k];
                return (
                  <tr key={k} className="border-t border-slate-200">
                    <td className={`${TD} font-mono`}>{INDICATOR_IDS[k]}</td>
                    <th scope="row" className={`${TD} text-left font-normal`}>
                      {t(`quality.indicators.${k}`)}
                      <span className="block text-xs text-slate-600">{t(`quality.notes.${k}`)}</span>
                    </th>
                    <td className={NUM}>100 %</td>
                    <td className={NUM}>{report.targets.values[k] === null ? t("quality.noTarget") : `${report.targets.values[k]} %`}</td>
                    <td className={NUM}><ShareValue value={s.value} /></td>
                    <td className={NUM}>{s.numerator} / {s.denominator}</td>
                    <td className={NUM}>{"partially" in s ? `${s.partially}${"partialShare" in s && s.partialShare !== null ? ` (${formatShare(s.partialShare, locale)})` : ""}` : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </Section>

      <Section id="trend" title={t("quality.trendTitle")} lead={t("quality.trendLead")} actions={<ExportLink href="/api/supervisor/export/trend" query={exportQuery} />}>
        <TrendChart
          rows={chartRows}
          series={SERIES.map((s) => ({ key: s.key, color: s.color, dash: "dash" in s ? s.dash : undefined, label: seriesLabel(s.key) }))}
          summary={t("quality.trendSummary", { buckets: trend.points.length, withData })}
        />
        <details className="mt-3 rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-semibold text-brand-800">{t("quality.trendTable")}</summary>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("quality.trendTitle")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className={TH}>{t("quality.columns.bucket")}</th>
                  {SERIES.map((s) => (
                    <th key={s.key} scope="col" className={`${TH} text-right`}>{seriesLabel(s.key)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trend.points.map((pt, i) => (
                  <tr key={pt.bucket} className="border-t border-slate-200">
                    <th scope="row" className={`${TD} text-left font-normal`}>{chartRows[i]!.label}</th>
                    {SERIES.map((s) => (
                      <td key={s.key} className={NUM}>
                        {formatShare(pt[s.key].value, locale) ?? t("quality.noData")} <span className="text-xs text-slate-600">({pt[s.key].numerator}/{pt[s.key].denominator})</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Section>

      <Section id="rows" title={t("quality.rowsTitle")} actions={<ExportLink href="/api/supervisor/export/indicator-rows" query={exportQuery} />}>
        {report.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("quality.rowsEmpty")}</p>
        ) : (
          <TableWrap>
            <table className="w-full text-sm">
              <caption className="sr-only">{t("quality.rowsTitle")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className={TH}>{t("columns.organisation")}</th>
                  <th scope="col" className={TH}>{t("columns.service")}</th>
                  {INDICATOR_KEYS.map((k) => (
                    <th key={k} scope="col" className={`${TH} text-right`}>
                      <abbr title={t(`quality.indicators.${k}`)} className="no-underline">{INDICATOR_IDS[k]}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={`${r.organisationId}|${r.serviceCode}`} className="border-t border-slate-200">
                    <td className={TD}>{orgs.get(r.organisationId) ?? "—"}</td>
                    <th scope="row" className={`${TD} text-left font-normal`}>{serviceName(r.serviceCode)}</th>
                    {INDICATOR_KEYS.map((k) => (
                      <td key={k} className={NUM}>
                        <ShareValue value={r.indicators[k].value} />
                        <span className="block text-xs text-slate-600">{r.indicators[k].numerator}/{r.indicators[k].denominator}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>

      <Section id="steps" title={t("quality.stepsTitle")} lead={t("quality.stepsNote")} actions={<ExportLink href="/api/supervisor/export/steps" query={exportQuery} />}>
        {steps.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("quality.stepsEmpty")}</p>
        ) : (
          <TableWrap>
            <table className="w-full text-sm">
              <caption className="sr-only">{t("quality.stepsTitle")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  {(["step", "count", "avgHours", "p50Hours", "p90Hours", "maxHours"] as const).map((c, i) => (
                    <th key={c} scope="col" className={`${TH} ${i > 0 ? "text-right" : ""}`}>{t(`quality.steps.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {steps.rows.map((r) => (
                  <tr key={r.stepKey} className="border-t border-slate-200">
                    <th scope="row" className={`${TD} text-left font-normal`}>{ts.has(r.stepKey) ? ts(r.stepKey) : r.stepKey}</th>
                    <td className={NUM}>{r.count}</td>
                    <td className={NUM}>{r.avgHours}</td>
                    <td className={NUM}>{r.p50Hours}</td>
                    <td className={NUM}>{r.p90Hours}</td>
                    <td className={NUM}>{r.maxHours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
    </div>
  );
}
