import { z } from "zod";
import type { Actor } from "@/lib/platform/auth";
import { getService } from "@/lib/law/catalogue";
import { listComplaintQueue, ZComplaintQueueQuery } from "@/lib/oversight/complaints";
import type { DbOrTx } from "@/lib/platform/db";
import { formatDateTime, type Locale } from "@/lib/platform/i18n";
import {
  BREAKDOWN_DIMENSIONS,
  deadlineDashboard,
  indicatorTrend,
  INDICATOR_IDS,
  INDICATOR_KEYS,
  listAuditEvents,
  listDeadlineApplications,
  organisationName,
  qualityIndicators,
  resolveOrgScope,
  stepDurations,
  ZAuditQuery,
  ZDeadlineFilter,
  ZDeadlineListQuery,
  ZIndicatorQuery,
  type TShare,
} from "@/lib/oversight/metrics";
import type { TCsvCell } from "./csv";

export const EXPORT_TABLES = ["deadline-breakdown", "deadline-list", "indicators", "indicator-rows", "trend", "steps", "complaints", "audit"] as const;
export type TExportTable = (typeof EXPORT_TABLES)[number];

/** Full message keys from the catalogue root (the route passes next-intl's translator). */
export type TTranslate = ((key: string, values?: Record<string, string | number>) => string) & { has?: (key: string) => boolean };
export type TExportResult = { fileName: string; header: string[]; rows: TCsvCell[][] };

/** Rows of one export; the lists are capped (a CSV is a report, not a dump). */
export const EXPORT_MAX_ROWS = 5000;

export const ZExportDimension = z.object({ dimension: z.enum(BREAKDOWN_DIMENSIONS).default("service") });

const pct = (s: TShare) => (s.value === null ? null : Math.round(s.value * 1000) / 10);

function shareCells(s: TShare, noData: string): TCsvCell[] {
  return [pct(s) ?? noData, s.numerator, s.denominator];
}

/**
 * Builds one dashboard table for CSV from the same functions the pages call (same scope, same
 * definitions). Query parameters are validated with the page's zod schemas; wrong ones throw.
 */
export async function exportTable(
  db: DbOrTx,
  actor: Actor,
  input: { table: TExportTable; query: Record<string, unknown>; now: Date; locale: Locale; t: TTranslate },
): Promise<TExportResult> {
  const { table, query, now, locale, t } = input;
  const when = (d: Date | null | undefined) => (d ? formatDateTime(d, locale) : null);
  const service = (code: string | null) => (code ? (getService(code)?.shortTitle[locale] ?? code) : t("supervisor.columns.noService"));
  const step = (key: string | null) => (key ? (safe(t, `notifications.steps.${key}`) ?? key) : t("supervisor.dashboard.noStep"));
  const noData = t("supervisor.quality.noData");
  const stamp = now.toISOString().slice(0, 10);
  switch (table) {
    case "deadline-breakdown": {
      const { dimension } = ZExportDimension.parse(query);
      const d = await deadlineDashboard(db, actor, ZDeadlineFilter.parse(query), now);
      const orgs = new Map(d.scope.organisations.map((o) => [o.id, organisationName(o, locale)]));
      const label = (key: string | null): string => {
        switch (dimension) {
          case "organisation":
            return orgs.get(key ?? "") ?? String(key);
          case "service":
            return service(key);
          case "variant":
            return key ? (safe(t, `catalogue.variant.${key.toLowerCase()}`) ?? key) : "";
          case "step":
            return step(key);
          case "officer":
            return key ? (d.officers[key] ?? key) : t("supervisor.dashboard.unassigned");
        }
      };
      const counts = (c: { open: number; overdue: number; dueToday: number; dueSoon: number; deemedIssued: number }) => [c.open, c.overdue, c.dueToday, c.dueSoon, c.deemedIssued];
      return {
        fileName: `deadlines-${dimension}-${stamp}.csv`,
        header: [t(`supervisor.dashboard.dimensions.${dimension}`), ...countHeader(t, d.hours)],
        rows: [...d.breakdown[dimension].map((r) => [label(r.key), ...counts(r)]), [t("supervisor.dashboard.total"), ...counts(d.totals)]],
      };
    }
    case "deadline-list": {
      const q = ZDeadlineListQuery.parse({ ...query, take: EXPORT_MAX_ROWS });
      const [{ rows }, scope] = await Promise.all([listDeadlineApplications(db, actor, q, now), qualityScopeNames(db, actor, locale)]);
      return {
        fileName: `deadlines-${q.list}-${stamp}.csv`,
        header: ["number", "applicant", "service", "variant", "status", "step", "officer", "organisation", "dueAt"].map((k) => t(`supervisor.columns.${k}`)),
        rows: rows.map((r) => [
          r.registrationNumber,
          r.applicantName,
          service(r.serviceCode),
          safe(t, `catalogue.variant.${r.variant.toLowerCase()}`) ?? r.variant,
          safe(t, `status.${r.status}`) ?? r.status,
          step(r.stepKey),
          r.assigneeName ?? t("supervisor.dashboard.unassigned"),
          scope.get(r.organisationId) ?? r.organisationId,
          when(r.dueAt),
        ]),
      };
    }
    case "indicators": {
      const r = await qualityIndicators(db, actor, ZIndicatorQuery.parse(query), now);
      return {
        fileName: `indicators-${r.period.fromDate}-${r.period.toDate}.csv`,
        header: ["id", "indicator", "normative", "target", "value", "numerator", "denominator", "partially"].map((k) => t(`supervisor.quality.columns.${k}`, { year: r.targets.year })),
        rows: INDICATOR_KEYS.map((k) => {
          const s = r.totals[k];
          const partially = "partially" in s ? s.partially : null;
          return [INDICATOR_IDS[k], t(`supervisor.quality.indicators.${k}`), 100, r.targets.values[k] ?? t("supervisor.quality.noTarget"), ...shareCells(s, noData), partially];
        }),
      };
    }
    case "indicator-rows": {
      const r = await qualityIndicators(db, actor, ZIndicatorQuery.parse(query), now);
      const orgs = new Map(r.scope.organisations.map((o) => [o.id, organisationName(o, locale)]));
      return {
        fileName: `indicators-by-organisation-${r.period.fromDate}-${r.period.toDate}.csv`,
        header: [
          t("supervisor.columns.organisation"),
          t("supervisor.columns.service"),
          t("supervisor.quality.columns.standard"),
          ...INDICATOR_KEYS.flatMap((k) => [`${INDICATOR_IDS[k]} %`, `${INDICATOR_IDS[k]} ${t("supervisor.quality.columns.numerator")}`, `${INDICATOR_IDS[k]} ${t("supervisor.quality.columns.denominator")}`]),
        ],
        rows: r.rows.map((row) => [
          orgs.get(row.organisationId) ?? row.organisationId,
          service(row.serviceCode),
          row.serviceCode ? (getService(row.serviceCode)?.standardNo ?? null) : null,
          ...INDICATOR_KEYS.flatMap((k) => shareCells(row.indicators[k], noData)),
        ]),
      };
    }
    case "trend": {
      const tr = await indicatorTrend(db, actor, ZIndicatorQuery.parse(query), now);
      const keys = ["onTime", "process", "information", "courtesy"] as const;
      return {
        fileName: `indicator-trend-${tr.period.fromDate}-${tr.period.toDate}.csv`,
        header: [t("supervisor.quality.columns.bucket"), ...keys.flatMap((k) => [`${INDICATOR_IDS[k]} %`, `${INDICATOR_IDS[k]} ${t("supervisor.quality.columns.numerator")}`, `${INDICATOR_IDS[k]} ${t("supervisor.quality.columns.denominator")}`])],
        rows: tr.points.map((p) => [tr.granularity === "month" ? p.bucket.slice(0, 7) : p.bucket, ...keys.flatMap((k) => shareCells(p[k], noData))]),
      };
    }
    case "steps": {
      const s = await stepDurations(db, actor, ZIndicatorQuery.parse(query), now);
      return {
        fileName: `step-durations-${s.period.fromDate}-${s.period.toDate}.csv`,
        header: ["step", "count", "avgHours", "p50Hours", "p90Hours", "maxHours"].map((k) => t(`supervisor.quality.steps.${k}`)),
        rows: s.rows.map((r) => [step(r.stepKey), r.count, r.avgHours, r.p50Hours, r.p90Hours, r.maxHours]),
      };
    }
    case "complaints": {
      const { rows } = await listComplaintQueue(db, actor, ZComplaintQueueQuery.parse({ ...query, take: EXPORT_MAX_ROWS }), now);
      return {
        fileName: `complaints-${stamp}.csv`,
        header: ["ticket", "kind", "status", "deadline", "acceptedAt", "dueAt", "answeredAt", "organisation", "application", "satisfied"].map((k) => t(`complaints.columns.${k}`)),
        rows: rows.map((r) => [
          r.ticketNumber,
          t(`complaints.kinds.${r.kind}`),
          t(`complaints.statuses.${r.status}`),
          t(`complaints.badges.${r.badge}`),
          when(r.acceptedAt),
          when(r.dueAt),
          when(r.answeredAt),
          organisationName(r.organisation, locale),
          r.application?.registrationNumber ?? null,
          r.satisfied,
        ]),
      };
    }
    case "audit": {
      const { rows } = await listAuditEvents(db, actor, ZAuditQuery.parse({ ...query, take: EXPORT_MAX_ROWS }));
      return {
        fileName: `audit-${stamp}.csv`,
        header: ["at", "type", "actor", "role", "entity", "application", "data"].map((k) => t(`supervisor.audit.columns.${k}`)),
        rows: rows.map((r) => [when(r.at), r.type, r.actorName, r.actorRole, `${r.entityType} ${r.entityId}`, r.registrationNumber ?? r.applicationId, JSON.stringify(r.data)]),
      };
    }
  }
}

function countHeader(t: TTranslate, hours: number): string[] {
  return [t("supervisor.tiles.open"), t("supervisor.tiles.overdue"), t("supervisor.tiles.dueToday"), t("supervisor.tiles.dueSoonHours", { hours }), t("supervisor.tiles.deemedIssued")];
}

/** A translation that may be missing (step keys of a newer regulation): null instead of throwing. */
function safe(t: TTranslate, key: string): string | null {
  if (t.has && !t.has(key)) return null;
  try {
    const v = t(key);
    return v && v !== key && !v.endsWith(key) ? v : null;
  } catch {
    return null;
  }
}

async function qualityScopeNames(db: DbOrTx, actor: Actor, locale: Locale): Promise<Map<string, string>> {
  const scope = await resolveOrgScope(db, actor);
  return new Map(scope.organisations.map((o) => [o.id, organisationName(o, locale)]));
}
