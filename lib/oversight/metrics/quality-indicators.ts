import { z } from "zod";
import { getService, indicatorTarget, publishesInformationOnline } from "@/lib/law/catalogue";
import type { DbOrTx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { appealRatings, providedServices, type TAppealRow, type TClosedRow, type TSurveyRow, type TWindow } from "./indicator-sql";
import { closedCasesDaily, surveyAnswersDaily } from "./indicator-summary-sql";
import { resolveOrgScope, type TOrgScope } from "./org-scope";
import { resolvePeriod, ZPeriodQuery, type TPeriod } from "./period";

export const ZIndicatorQuery = ZPeriodQuery.extend({
  organisationId: z.uuid().optional(),
  service: z.string().min(1).max(100).optional(),
});
export type TIndicatorQuery = z.input<typeof ZIndicatorQuery>;

/** Every indicator of the standards' table has the normative value 100 % [004 L472-532]. */
export const NORMATIVE = 1;

/** A share: `value` is null when nothing was counted ("no data", never 0 % or 100 %). */
export type TShare = { numerator: number; denominator: number; value: number | null; normative: number };
/** A survey question: 3 = satisfied (the numerator), 2 = partially (reported separately), 1 = not satisfied. */
export type TSurveyShare = TShare & { partially: number; notSatisfied: number; partialShare: number | null };

export type TIndicators = {
  /** 1.1 — cases delivered within the term. */
  onTime: TShare & { issued: number; refused: number; deemedIssued: number; late: number };
  /** 2.1 — survey Q1, quality of the process and the result. */
  process: TSurveyShare;
  /** 3.1 — survey Q2, quality of the information about the procedure. */
  information: TSurveyShare;
  /** 3.2 — services whose information is available electronically [004 L9095-9140] (lib/law/catalogue/data/indicators.json). */
  electronic: TShare;
  /** 4.1 — appeal procedure: complaints' final question plus the survey's optional Q4. */
  appeal: TShare & { partially: number; complaints: { satisfied: number; rated: number }; survey: { satisfied: number; answered: number } };
  /** 5.1 — survey Q3, courtesy of staff. */
  courtesy: TSurveyShare;
};

export const INDICATOR_IDS = { onTime: "1.1", process: "2.1", information: "3.1", electronic: "3.2", appeal: "4.1", courtesy: "5.1" } as const;
export type TIndicatorKey = keyof typeof INDICATOR_IDS;
export const INDICATOR_KEYS = Object.keys(INDICATOR_IDS) as TIndicatorKey[];

export type TIndicatorRow = { organisationId: string; serviceCode: string | null; indicators: TIndicators };

/** The yearly target values (percent) of the period's year (its last day), null when no order is recorded. */
export type TIndicatorTargets = { year: number; values: Record<TIndicatorKey, number | null> };

export type TQualityReport = { period: TPeriod; scope: TOrgScope; service: string | null; totals: TIndicators; rows: TIndicatorRow[]; targets: TIndicatorTargets };

/** Targets as data per indicator and year [004 L358-361, L7928-7930]. */
export function indicatorTargets(year: number): TIndicatorTargets {
  const values = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, indicatorTarget(year, INDICATOR_IDS[k])])) as Record<TIndicatorKey, number | null>;
  return { year, values };
}

export function share(numerator: number, denominator: number): TShare {
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null, normative: NORMATIVE };
}

function surveyShare(one: number, two: number, three: number): TSurveyShare {
  const total = one + two + three;
  return { ...share(three, total), partially: two, notSatisfied: one, partialShare: total > 0 ? two / total : null };
}

const n = (v: bigint | undefined) => Number(v ?? 0);

export function buildIndicators(c: TClosedRow | undefined, s: TSurveyRow | undefined, a: TAppealRow | undefined, electronic: { yes: number; all: number }): TIndicators {
  const closed = n(c?.closed);
  const onTime = n(c?.on_time);
  const complaints = { satisfied: n(a?.satisfied), rated: n(a?.rated) };
  const survey = { satisfied: n(s?.q4_3), answered: n(s?.q4_1) + n(s?.q4_2) + n(s?.q4_3) };
  return {
    onTime: { ...share(onTime, closed), issued: n(c?.issued), refused: n(c?.refused), deemedIssued: n(c?.deemed), late: closed - onTime },
    process: surveyShare(n(s?.q1_1), n(s?.q1_2), n(s?.q1_3)),
    information: surveyShare(n(s?.q2_1), n(s?.q2_2), n(s?.q2_3)),
    electronic: share(electronic.yes, electronic.all),
    appeal: { ...share(complaints.satisfied + survey.satisfied, complaints.rated + survey.answered), partially: n(a?.partially) + n(s?.q4_2), complaints, survey },
    courtesy: surveyShare(n(s?.q3_1), n(s?.q3_2), n(s?.q3_3)),
  };
}

/** Indicator 3.2 counts a service whose standard publishes its information online (every standard does). */
export const isElectronicInformationService = (code: string) => publishesInformationOnline(code);

/**
 * The quality indicators of the standards for a period, for the actor's scope (optionally one
 * organisation and/or one service): totals and one row per (organisation, service) — every
 * service the organisations provide, plus any other combination that has data. Closed cases and
 * survey answers come from the daily summary (periods are whole days, so the result is exact);
 * complaints (thousands of rows) are aggregated live; no per-row work in JS.
 */
export async function qualityIndicators(db: DbOrTx, actor: Actor, query: TIndicatorQuery, now: Date): Promise<TQualityReport> {
  const q = ZIndicatorQuery.parse(query);
  const period = resolvePeriod(q, now);
  const scope = await resolveOrgScope(db, actor, { organisationId: q.organisationId });
  const f = { scope, service: q.service ?? null };
  const w: TWindow = { from: period.from, to: period.to };
  const [closed, survey, appeal, provided] = await Promise.all([closedCasesDaily(db, period, f), surveyAnswersDaily(db, period, f), appealRatings(db, w, f), providedServices(db, f)]);

  const key = (o: string | null, s: string | null) => `${o}|${s ?? ""}`;
  const byKey = <T extends { g: number; organisationId: string | null; serviceCode: string | null }>(rows: T[]) =>
    new Map(rows.filter((r) => r.g === 0).map((r) => [key(r.organisationId, r.serviceCode), r]));
  const total = <T extends { g: number }>(rows: T[]) => rows.find((r) => r.g === 1);
  const [cBy, sBy, aBy] = [byKey(closed), byKey(survey), byKey(appeal)];

  const pairs = new Map<string, { organisationId: string; serviceCode: string | null }>();
  for (const p of provided) pairs.set(key(p.organisationId, p.serviceCode), p);
  const providedKeys = new Set(pairs.keys());
  for (const m of [cBy, sBy, aBy]) for (const r of m.values()) if (r.organisationId) pairs.set(key(r.organisationId, r.serviceCode), { organisationId: r.organisationId, serviceCode: r.serviceCode });

  const providedCodes = [...new Set(provided.map((p) => p.serviceCode))];
  const totals = buildIndicators(total(closed), total(survey), total(appeal), { yes: providedCodes.filter(isElectronicInformationService).length, all: providedCodes.length });
  const orgOrder = new Map(scope.organisations.map((o, i) => [o.id, i]));
  const rows = [...pairs.values()]
    .map((p) => {
      const k = key(p.organisationId, p.serviceCode);
      const electronic = providedKeys.has(k) && p.serviceCode ? { yes: isElectronicInformationService(p.serviceCode) ? 1 : 0, all: 1 } : { yes: 0, all: 0 };
      return { ...p, indicators: buildIndicators(cBy.get(k), sBy.get(k), aBy.get(k), electronic) };
    })
    .sort((x, y) => (orgOrder.get(x.organisationId) ?? 999) - (orgOrder.get(y.organisationId) ?? 999) || (getService(x.serviceCode ?? "")?.standardNo ?? 99) - (getService(y.serviceCode ?? "")?.standardNo ?? 99) || String(x.serviceCode).localeCompare(String(y.serviceCode)));
  return { period, scope, service: f.service, totals, rows, targets: indicatorTargets(Number(period.toDate.slice(0, 4))) };
}
