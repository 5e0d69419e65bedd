import type { ReactNode } from "react";
import type { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/app/_server/session";
import { getService } from "@/lib/law/catalogue";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import type { Locale } from "@/lib/platform/i18n";
import { intlLocale } from "@/lib/platform/i18n";
import {
  almatyDate,
  indicatorTrend,
  INDICATOR_IDS,
  INDICATOR_KEYS,
  organisationName,
  qualityIndicators,
  resolveOrgScope,
  resolvePeriod,
  stepDurations,
  ZIndicatorQuery,
} from "@/lib/oversight/metrics";
import { ExportLink } from "@/components/dashboard/export-link";
import { PeriodForm } from "@/components/dashboard/period-form";
import { formatShare, ShareValue } from "@/components/dashboard/share-value";
import { Section } from "@/components/dashboard/section";
import { DataTable } from "@/components/ui/table";
import { TwoLineCell } from "@/components/ui/two-line-cell";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { flatParams } from "../_lib/sections";
import { scopeServices } from "../_lib/scope-services";
import { titleMetadata } from "@/components/i18n/title-metadata";
import { SupervisorPageHeader } from "../_components/supervisor-page-header";

export const generateMetadata = titleMetadata("supervisor.quality.title");

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
  const exportQuery = {
    period: p.kind,
    year: query.year,
    month: query.month,
    quarter: query.quarter,
    from: query.from,
    to: query.to,
    organisationId: query.organisationId,
    service: query.service,
  };
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
      <SupervisorPageHeader actor={actor} section="quality" title={t("quality.title")} lead={t("quality.lead")} />
      <PeriodForm
        values={{
          period: p.kind,
          year: query.year ?? cy,
          month: query.month ?? cm,
          quarter: query.quarter ?? Math.ceil(cm / 3),
          from: query.from ?? p.fromDate,
          to: query.to ?? p.toDate,
          organisationId: query.organisationId,
          service: query.service,
        }}
        organisations={fullScope.organisations.map((o) => ({ value: o.id, label: organisationName(o, locale) }))}
        services={scopeServices(fullScope.organisations).map((s) => ({ value: s.code, label: s.shortTitle[locale] }))}
        errorCode={errorCode}
      />
      <p className="mb-6 text-lg font-semibold">{t("quality.periodHeading", { from: p.fromDate, to: p.toDate })}</p>

      <ReportSection
        id="totals"
        title={t("quality.totalsTitle")}
        lead={t("quality.definitions")}
        table="indicators"
        query={exportQuery}
        extra={<ExportLink href="/api/supervisor/report.pdf" query={exportQuery} label={t("quality.exportPdf")} />}
      >
        <DataTable
          caption={t("quality.totalsTitle")}
          rows={INDICATOR_KEYS}
          rowKey={(k) => k}
          columns={[
            { key: "id", header: t("quality.columns.id"), className: "font-mono", cell: (k) => INDICATOR_IDS[k] },
            {
              key: "indicator",
              header: t("quality.columns.indicator"),
              rowHeader: true,
              cell: (k) => <TwoLineCell main={t(`quality.indicators.${k}`)} sub={t(`quality.notes.${k}`)} subClassName="text-xs text-slate-600" />,
            },
            { key: "normative", header: t("quality.columns.normative"), numeric: true, cell: () => "100 %" },
            {
              key: "target",
              header: t("quality.columns.target", { year: report.targets.year }),
              numeric: true,
              cell: (k) => (report.targets.values[k] === null ? t("quality.noTarget") : `${report.targets.values[k]} %`),
            },
            { key: "value", header: t("quality.columns.value"), numeric: true, cell: (k) => <ShareValue value={report.totals[k].value} /> },
            {
              key: "counts",
              header: t("quality.columns.counts"),
              numeric: true,
              cell: (k) => `${report.totals[k].numerator} / ${report.totals[k].denominator}`,
            },
            {
              key: "partially",
              header: t("quality.columns.partially"),
              numeric: true,
              cell: (k) => {
                const s = report.totals[k];
                return "partially" in s
                  ? `${s.partially}${"partialShare" in s && s.partialShare !== null ? ` (${formatShare(s.partialShare, locale)})` : ""}`
                  : "—";
              },
            },
          ]}
        />
      </ReportSection>

      <ReportSection id="trend" title={t("quality.trendTitle")} lead={t("quality.trendLead")} table="trend" query={exportQuery}>
        <TrendChart
          rows={chartRows}
          series={SERIES.map((s) => ({ key: s.key, color: s.color, dash: "dash" in s ? s.dash : undefined, label: seriesLabel(s.key) }))}
          summary={t("quality.trendSummary", { buckets: trend.points.length, withData })}
        />
        <details className="mt-3 rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-semibold text-brand-800">{t("quality.trendTable")}</summary>
          <DataTable
            caption={t("quality.trendTitle")}
            className="mt-3"
            rows={chartRows}
            rowKey={(r) => r.bucket}
            columns={[
              { key: "bucket", header: t("quality.columns.bucket"), rowHeader: true, cell: (r) => r.label },
              ...SERIES.map((s) => ({
                key: s.key,
                header: seriesLabel(s.key),
                numeric: true,
                cell: (_: unknown, i: number) => <ShareCell share={trend.points[i]![s.key]} />,
              })),
            ]}
          />
        </details>
      </ReportSection>

      <ReportSection id="rows" title={t("quality.rowsTitle")} table="indicator-rows" query={exportQuery}>
        <DataTable
          caption={t("quality.rowsTitle")}
          empty={t("quality.rowsEmpty")}
          rows={report.rows}
          rowKey={(r) => `${r.organisationId}|${r.serviceCode}`}
          columns={[
            { key: "organisation", header: t("columns.organisation"), cell: (r) => orgs.get(r.organisationId) ?? "—" },
            { key: "service", header: t("columns.service"), rowHeader: true, cell: (r) => serviceName(r.serviceCode) },
            ...INDICATOR_KEYS.map((k) => ({
              key: k,
              header: (
                <abbr title={t(`quality.indicators.${k}`)} className="no-underline">
                  {INDICATOR_IDS[k]}
                </abbr>
              ),
              numeric: true,
              cell: (r: (typeof report.rows)[number]) => <ShareCell share={r.indicators[k]} />,
            })),
          ]}
        />
      </ReportSection>

      <ReportSection id="steps" title={t("quality.stepsTitle")} lead={t("quality.stepsNote")} table="steps" query={exportQuery}>
        <DataTable
          caption={t("quality.stepsTitle")}
          empty={t("quality.stepsEmpty")}
          rows={steps.rows}
          rowKey={(r) => r.stepKey}
          columns={[
            { key: "step", header: t("quality.steps.step"), rowHeader: true, cell: (r) => (ts.has(r.stepKey) ? ts(r.stepKey) : r.stepKey) },
            ...(["count", "avgHours", "p50Hours", "p90Hours", "maxHours"] as const).map((c) => ({
              key: c,
              header: t(`quality.steps.${c}`),
              numeric: true,
              cell: (r: (typeof steps.rows)[number]) => r[c],
            })),
          ]}
        />
      </ReportSection>
    </div>
  );
}

/** A section of the report with its table's CSV export (and any `extra` export) next to the heading. */
function ReportSection({
  id,
  title,
  lead,
  table,
  query,
  extra,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  table: string;
  query: Record<string, string | number | undefined>;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Section
      id={id}
      title={title}
      lead={lead}
      actions={
        <>
          <ExportLink href={`/api/supervisor/export/${table}`} query={query} />
          {extra}
        </>
      }
    >
      {children}
    </Section>
  );
}

/** A share with the counts it was computed from (numerator / denominator) under it. */
function ShareCell({ share }: { share: { value: number | null; numerator: number; denominator: number } }) {
  return <TwoLineCell main={<ShareValue value={share.value} />} sub={`${share.numerator}/${share.denominator}`} subClassName="text-xs text-slate-600" />;
}
