import type { Actor } from "@/lib/platform/auth";
import { getService } from "@/lib/law/catalogue";
import type { DbOrTx } from "@/lib/platform/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import { INDICATOR_IDS, INDICATOR_KEYS, organisationName, qualityIndicators, stepDurations, ZIndicatorQuery, type TShare } from "@/lib/oversight/metrics";
import { renderTablePdf } from "./table-pdf";
import type { TTranslate } from "./export-tables";

function percent(s: TShare, locale: Locale, noData: string): string {
  if (s.value === null) return noData;
  return `${new Intl.NumberFormat(locale === "en" ? "en-GB" : locale === "kk" ? "kk-KZ" : "ru-RU", { maximumFractionDigits: 1 }).format(s.value * 100)} %`;
}

/**
 * The printable quality report: the indicators of the standards with their normative value, the
 * table by organisation and service, and the step durations — the same numbers as the page.
 */
export async function renderIndicatorsReport(
  db: DbOrTx,
  actor: Actor,
  input: { query: Record<string, unknown>; now: Date; locale: Locale; t: TTranslate; scopeLabel: string },
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { now, locale, t } = input;
  const q = ZIndicatorQuery.parse(input.query);
  const [r, steps] = await Promise.all([qualityIndicators(db, actor, q, now), stepDurations(db, actor, q, now)]);
  const noData = t("supervisor.quality.noData");
  const orgs = new Map(r.scope.organisations.map((o) => [o.id, organisationName(o, locale)]));
  const service = (code: string | null) => (code ? (getService(code)?.shortTitle[locale] ?? code) : t("supervisor.columns.noService"));
  const counts = (s: TShare) => `${s.numerator} / ${s.denominator}`;
  const filters = [
    q.organisationId ? `${t("supervisor.columns.organisation")}: ${orgs.get(q.organisationId) ?? "—"}` : null,
    q.service ? `${t("supervisor.columns.service")}: ${service(q.service)}` : null,
  ].filter((x): x is string => !!x);
  const bytes = await renderTablePdf({
    title: t("supervisor.quality.reportTitle"),
    lines: [
      t("supervisor.quality.reportPeriod", { from: r.period.fromDate, to: r.period.toDate }),
      input.scopeLabel,
      ...filters,
      t("supervisor.quality.reportGenerated", { at: formatDateTime(now, locale) }),
    ],
    sections: [
      {
        heading: t("supervisor.quality.totalsTitle"),
        note: t("supervisor.quality.definitions"),
        columns: [
          { label: t("supervisor.quality.columns.id"), width: 0.06 },
          { label: t("supervisor.quality.columns.indicator"), width: 0.36 },
          { label: t("supervisor.quality.columns.normative"), width: 0.1, align: "right" },
          { label: t("supervisor.quality.columns.target", { year: r.targets.year }), width: 0.1, align: "right" },
          { label: t("supervisor.quality.columns.value"), width: 0.12, align: "right" },
          { label: t("supervisor.quality.columns.counts"), width: 0.12, align: "right" },
          { label: t("supervisor.quality.columns.partially"), width: 0.14, align: "right" },
        ],
        rows: INDICATOR_KEYS.map((k) => {
          const s = r.totals[k];
          return [INDICATOR_IDS[k], t(`supervisor.quality.indicators.${k}`), "100 %", r.targets.values[k] === null ? t("supervisor.quality.noTarget") : `${r.targets.values[k]} %`, percent(s, locale, noData), counts(s), "partially" in s ? String(s.partially) : "—"];
        }),
      },
      {
        heading: t("supervisor.quality.rowsTitle"),
        columns: [
          { label: t("supervisor.columns.organisation"), width: 0.2 },
          { label: t("supervisor.columns.service"), width: 0.2 },
          ...INDICATOR_KEYS.map((k) => ({ label: INDICATOR_IDS[k], width: 0.1, align: "right" as const })),
        ],
        rows: r.rows.map((row) => [orgs.get(row.organisationId) ?? row.organisationId, service(row.serviceCode), ...INDICATOR_KEYS.map((k) => percent(row.indicators[k], locale, noData))]),
      },
      {
        heading: t("supervisor.quality.stepsTitle"),
        note: t("supervisor.quality.stepsNote"),
        columns: [
          { label: t("supervisor.quality.steps.step"), width: 0.4 },
          { label: t("supervisor.quality.steps.count"), width: 0.12, align: "right" },
          { label: t("supervisor.quality.steps.avgHours"), width: 0.12, align: "right" },
          { label: t("supervisor.quality.steps.p50Hours"), width: 0.12, align: "right" },
          { label: t("supervisor.quality.steps.p90Hours"), width: 0.12, align: "right" },
          { label: t("supervisor.quality.steps.maxHours"), width: 0.12, align: "right" },
        ],
        rows: steps.rows.map((s) => [t.has && !t.has(`notifications.steps.${s.stepKey}`) ? s.stepKey : t(`notifications.steps.${s.stepKey}`), String(s.count), String(s.avgHours), String(s.p50Hours), String(s.p90Hours), String(s.maxHours)]),
      },
    ],
    footer: t("supervisor.quality.reportFooter"),
  });
  return { bytes, fileName: `quality-indicators-${r.period.fromDate}-${r.period.toDate}.pdf` };
}
