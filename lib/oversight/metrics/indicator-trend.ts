import type { DbOrTx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { trendBuckets } from "./indicator-summary-sql";
import { resolveOrgScope } from "./org-scope";
import { periodBuckets, resolvePeriod, type TGranularity, type TPeriod } from "./period";
import { share, ZIndicatorQuery, type TIndicatorQuery, type TShare } from "./quality-indicators";

export type TTrendPoint = {
  /** Local start date of the bucket (a day or the first of a month). */
  bucket: string;
  onTime: TShare;
  process: TShare;
  information: TShare;
  courtesy: TShare;
};

export type TTrend = { period: TPeriod; granularity: TGranularity; points: TTrendPoint[] };

/**
 * 1.1, 2.1, 3.1 and 5.1 per day (periods up to 62 days) or per month, with the same definitions
 * as `qualityIndicators` (read from the same daily summary); a bucket without cases or answers has
 * null values ("no data").
 */
export async function indicatorTrend(db: DbOrTx, actor: Actor, query: TIndicatorQuery, now: Date): Promise<TTrend> {
  const q = ZIndicatorQuery.parse(query);
  const period = resolvePeriod(q, now);
  const scope = await resolveOrgScope(db, actor, { organisationId: q.organisationId });
  const rows = await trendBuckets(db, period, { scope, service: q.service ?? null }, period.granularity);
  const by = new Map(rows.map((r) => [r.bucket, r]));
  const points = periodBuckets(period).map((bucket) => {
    const r = by.get(bucket);
    return {
      bucket,
      onTime: share(Number(r?.on_time ?? 0), Number(r?.closed ?? 0)),
      process: share(Number(r?.q1_3 ?? 0), Number(r?.q1 ?? 0)),
      information: share(Number(r?.q2_3 ?? 0), Number(r?.q2 ?? 0)),
      courtesy: share(Number(r?.q3_3 ?? 0), Number(r?.q3 ?? 0)),
    };
  });
  return { period, granularity: period.granularity, points };
}
