import { Prisma, type DbOrTx } from "@/lib/db";
import type { Actor } from "@/lib/auth";
import { closedCasesWhere, ON_TIME } from "./indicator-sql";
import { eqCondition, orgCondition, resolveOrgScope } from "./org-scope";
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

// Whitelisted, never user input.
const TRUNC: Record<TGranularity, Prisma.Sql> = { day: Prisma.raw("'day'"), month: Prisma.raw("'month'") };

/** Local (Almaty) bucket of a UTC `timestamp(3)` column. */
function localBucket(granularity: TGranularity, column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(date_trunc(${TRUNC[granularity]}, (${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Almaty'), 'YYYY-MM-DD')`;
}

type ClosedBucket = { bucket: string; closed: bigint; on_time: bigint };
type SurveyBucket = { bucket: string; q1: bigint; q1_3: bigint; q2: bigint; q2_3: bigint; q3: bigint; q3_3: bigint };

/**
 * 1.1, 2.1, 3.1 and 5.1 per day (periods up to 62 days) or per month, with the same definitions
 * as `qualityIndicators`; a bucket without cases or answers has null values ("no data").
 */
export async function indicatorTrend(db: DbOrTx, actor: Actor, query: TIndicatorQuery, now: Date): Promise<TTrend> {
  const q = ZIndicatorQuery.parse(query);
  const period = resolvePeriod(q, now);
  const scope = await resolveOrgScope(db, actor, { organisationId: q.organisationId });
  const f = { scope, service: q.service ?? null };
  const w = { from: period.from, to: period.to };
  const g = period.granularity;
  const closingInstant = Prisma.sql`CASE WHEN a."status" = 'DEEMED_ISSUED' THEN a."deemedIssuedAt" ELSE a."closedAt" END`;
  const [closed, survey] = await Promise.all([
    db.$queryRaw<ClosedBucket[]>`
      SELECT ${localBucket(g, closingInstant)} AS bucket, count(*) AS closed, count(*) FILTER (WHERE ${ON_TIME}) AS on_time
        FROM "Application" a
       WHERE ${closedCasesWhere(w, f)}
       GROUP BY 1`,
    db.$queryRaw<SurveyBucket[]>`
      SELECT ${localBucket(g, Prisma.sql`s."createdAt"`)} AS bucket,
             count(s."q1Process") AS q1, count(*) FILTER (WHERE s."q1Process" = 3) AS q1_3,
             count(s."q2Information") AS q2, count(*) FILTER (WHERE s."q2Information" = 3) AS q2_3,
             count(s."q3Courtesy") AS q3, count(*) FILTER (WHERE s."q3Courtesy" = 3) AS q3_3
        FROM "SurveyResponse" s
       WHERE s."createdAt" >= ${w.from}::timestamp(3) AND s."createdAt" < ${w.to}::timestamp(3)
         AND ${orgCondition(scope, Prisma.sql`s."organisationId"`)}
         AND ${eqCondition(Prisma.sql`s."serviceCode"`, f.service)}
       GROUP BY 1`,
  ]);
  const c = new Map(closed.map((r) => [r.bucket, r]));
  const s = new Map(survey.map((r) => [r.bucket, r]));
  const points = periodBuckets(period).map((bucket) => {
    const cr = c.get(bucket);
    const sr = s.get(bucket);
    return {
      bucket,
      onTime: share(Number(cr?.on_time ?? 0), Number(cr?.closed ?? 0)),
      process: share(Number(sr?.q1_3 ?? 0), Number(sr?.q1 ?? 0)),
      information: share(Number(sr?.q2_3 ?? 0), Number(sr?.q2 ?? 0)),
      courtesy: share(Number(sr?.q3_3 ?? 0), Number(sr?.q3 ?? 0)),
    };
  });
  return { period, granularity: g, points };
}
