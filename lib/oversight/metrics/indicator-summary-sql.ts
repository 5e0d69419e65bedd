import { Prisma, type DbOrTx } from "@/lib/platform/db";
import type { TClosedRow, TIndicatorFilter, TSurveyRow } from "./indicator-sql";
import { eqCondition, orgCondition } from "./org-scope";
import type { TGranularity } from "./period";

/**
 * The indicator aggregates read from "IndicatorDaily" (one row per Almaty day, organisation and
 * service, kept equal to the raw rows by triggers in the same transaction as every write — see
 * prisma/migrations/20261129120000_metric_summaries). Report periods are whole Almaty days, so
 * a day range selects exactly the rows the raw queries of indicator-sql.ts would count.
 * Same result shapes as the raw queries; `g = 1` is the total of the scope.
 */
export type TDayRange = { fromDate: string; toDate: string };

function dailyWhere(r: TDayRange, f: TIndicatorFilter): Prisma.Sql {
  return Prisma.sql`d."day" >= ${r.fromDate}::date AND d."day" <= ${r.toDate}::date
    AND ${orgCondition(f.scope, Prisma.sql`d."organisationId"`)}
    AND ${eqCondition(Prisma.sql`d."serviceCode"`, f.service)}`;
}

const sum = (column: string, alias: string) => Prisma.raw(`COALESCE(sum(d."${column}"), 0)::bigint AS ${alias}`);

/** 1.1 (closed cases) per (organisation, service) plus the total; pairs with no closed case are left out. */
export function closedCasesDaily(db: DbOrTx, r: TDayRange, f: TIndicatorFilter): Promise<TClosedRow[]> {
  return db.$queryRaw<TClosedRow[]>`
    SELECT GROUPING(d."organisationId")::int AS g, d."organisationId", d."serviceCode",
           ${sum("closed", "closed")}, ${sum("onTime", "on_time")}, ${sum("issued", "issued")}, ${sum("refused", "refused")}, ${sum("deemed", "deemed")}
      FROM "IndicatorDailyLive" d
     WHERE ${dailyWhere(r, f)}
     GROUP BY GROUPING SETS ((), (d."organisationId", d."serviceCode"))
    HAVING GROUPING(d."organisationId") = 1 OR sum(d."closed") <> 0`;
}

const Q = [1, 2, 3, 4].flatMap((q) => [1, 2, 3].map((a) => sum(`q${q}a${a}`, `q${q}_${a}`)));

/** Survey answers per question and value per (organisation, service) plus the total; pairs without answers left out. */
export function surveyAnswersDaily(db: DbOrTx, r: TDayRange, f: TIndicatorFilter): Promise<TSurveyRow[]> {
  return db.$queryRaw<TSurveyRow[]>`
    SELECT GROUPING(d."organisationId")::int AS g, d."organisationId", d."serviceCode", ${Prisma.join(Q)}
      FROM "IndicatorDailyLive" d
     WHERE ${dailyWhere(r, f)}
     GROUP BY GROUPING SETS ((), (d."organisationId", d."serviceCode"))
    HAVING GROUPING(d."organisationId") = 1 OR sum(d."q1a1" + d."q1a2" + d."q1a3" + d."q2a1" + d."q2a2" + d."q2a3" + d."q3a1" + d."q3a2" + d."q3a3" + d."q4a1" + d."q4a2" + d."q4a3") <> 0`;
}

export type TTrendBucketRow = { bucket: string; closed: bigint; on_time: bigint; q1: bigint; q1_3: bigint; q2: bigint; q2_3: bigint; q3: bigint; q3_3: bigint };

// Whitelisted, never user input.
const TRUNC: Record<TGranularity, Prisma.Sql> = { day: Prisma.raw("'day'"), month: Prisma.raw("'month'") };

/** 1.1, 2.1, 3.1 and 5.1 counts per day or per month (local start date of the bucket). */
export function trendBuckets(db: DbOrTx, r: TDayRange, f: TIndicatorFilter, granularity: TGranularity): Promise<TTrendBucketRow[]> {
  return db.$queryRaw<TTrendBucketRow[]>`
    SELECT to_char(date_trunc(${TRUNC[granularity]}, d."day"::timestamp), 'YYYY-MM-DD') AS bucket,
           sum(d."closed")::bigint AS closed, sum(d."onTime")::bigint AS on_time,
           sum(d."q1a1" + d."q1a2" + d."q1a3")::bigint AS q1, sum(d."q1a3")::bigint AS q1_3,
           sum(d."q2a1" + d."q2a2" + d."q2a3")::bigint AS q2, sum(d."q2a3")::bigint AS q2_3,
           sum(d."q3a1" + d."q3a2" + d."q3a3")::bigint AS q3, sum(d."q3a3")::bigint AS q3_3
      FROM "IndicatorDailyLive" d
     WHERE ${dailyWhere(r, f)}
     GROUP BY 1`;
}
