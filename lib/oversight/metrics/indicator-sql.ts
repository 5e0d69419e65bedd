import { Prisma, type DbOrTx } from "@/lib/platform/db";
import { eqCondition, orgCondition, type TOrgScope } from "./org-scope";

/**
 * The raw aggregates behind the quality indicators, each ONE query with
 * GROUPING SETS ((), (organisation, service)): g = 1 is the total row of the scope.
 * Bounds are instants: [from, to). The reports read closed cases and survey answers from the daily
 * summary (indicator-summary-sql.ts); these raw forms remain for windows that are not whole days
 * (the 30-day alerts), for complaints, and as the reference the tests compare the summary with.
 */
export type TWindow = { from: Date; to: Date };
export type TIndicatorFilter = { scope: TOrgScope; service?: string | null };

/**
 * 1.1 — closed cases: ISSUED or REFUSED with closedAt in the window, plus DEEMED_ISSUED with
 * deemedIssuedAt in the window (tacit approval = the term was missed, always late). On time:
 * closedAt ≤ dueAt and never deemed issued. Withdrawn and drafts never count; one row per
 * application, so a re-opened application counts once (at its last closing).
 */
export function closedCasesWhere(w: TWindow, f: TIndicatorFilter): Prisma.Sql {
  return Prisma.sql`((a."status" IN ('ISSUED', 'REFUSED') AND a."closedAt" >= ${w.from}::timestamp(3) AND a."closedAt" < ${w.to}::timestamp(3))
        OR (a."status" = 'DEEMED_ISSUED' AND a."deemedIssuedAt" >= ${w.from}::timestamp(3) AND a."deemedIssuedAt" < ${w.to}::timestamp(3)))
    AND ${orgCondition(f.scope, Prisma.sql`a."organisationId"`)}
    AND ${eqCondition(Prisma.sql`a."serviceCode"`, f.service)}`;
}

export const ON_TIME = Prisma.sql`(a."status" IN ('ISSUED', 'REFUSED') AND a."deemedIssuedAt" IS NULL AND a."closedAt" <= a."dueAt")`;

export type TClosedRow = { g: number; organisationId: string | null; serviceCode: string | null; closed: bigint; on_time: bigint; issued: bigint; refused: bigint; deemed: bigint };

export function closedCases(db: DbOrTx, w: TWindow, f: TIndicatorFilter): Promise<TClosedRow[]> {
  return db.$queryRaw<TClosedRow[]>`
    SELECT GROUPING(a."organisationId")::int AS g, a."organisationId", a."serviceCode",
           count(*) AS closed,
           count(*) FILTER (WHERE ${ON_TIME}) AS on_time,
           count(*) FILTER (WHERE a."status" = 'ISSUED') AS issued,
           count(*) FILTER (WHERE a."status" = 'REFUSED') AS refused,
           count(*) FILTER (WHERE a."status" = 'DEEMED_ISSUED') AS deemed
      FROM "Application" a
     WHERE ${closedCasesWhere(w, f)}
     GROUP BY GROUPING SETS ((), (a."organisationId", a."serviceCode"))`;
}

/** Answers 1 (not satisfied), 2 (partially), 3 (satisfied) per question; Q3 and Q4 may be unanswered. */
export type TSurveyRow = {
  g: number;
  organisationId: string | null;
  serviceCode: string | null;
  q1_1: bigint; q1_2: bigint; q1_3: bigint;
  q2_1: bigint; q2_2: bigint; q2_3: bigint;
  q3_1: bigint; q3_2: bigint; q3_3: bigint;
  q4_1: bigint; q4_2: bigint; q4_3: bigint;
};

function answerCounts(column: string, alias: string): Prisma.Sql {
  const c = Prisma.raw(`s."${column}"`);
  return Prisma.sql`count(*) FILTER (WHERE ${c} = 1) AS ${Prisma.raw(`${alias}_1`)},
           count(*) FILTER (WHERE ${c} = 2) AS ${Prisma.raw(`${alias}_2`)},
           count(*) FILTER (WHERE ${c} = 3) AS ${Prisma.raw(`${alias}_3`)}`;
}

/** Survey answers given in the window (by the response's createdAt). */
export function surveyAnswers(db: DbOrTx, w: TWindow, f: TIndicatorFilter): Promise<TSurveyRow[]> {
  return db.$queryRaw<TSurveyRow[]>`
    SELECT GROUPING(s."organisationId")::int AS g, s."organisationId", s."serviceCode",
           ${answerCounts("q1Process", "q1")},
           ${answerCounts("q2Information", "q2")},
           ${answerCounts("q3Courtesy", "q3")},
           ${answerCounts("q4Appeal", "q4")}
      FROM "SurveyResponse" s
     WHERE s."createdAt" >= ${w.from}::timestamp(3) AND s."createdAt" < ${w.to}::timestamp(3)
       AND ${orgCondition(f.scope, Prisma.sql`s."organisationId"`)}
       AND ${eqCondition(Prisma.sql`s."serviceCode"`, f.service)}
     GROUP BY GROUPING SETS ((), (s."organisationId", s."serviceCode"))`;
}

export type TAppealRow = { g: number; organisationId: string | null; serviceCode: string | null; rated: bigint; satisfied: bigint; partially: bigint };

/**
 * Complaints whose answer (or rejection) was given in the window and that the applicant rated
 * (final satisfaction question 1–3). The service is the complained-about application's, if any.
 */
export function appealRatings(db: DbOrTx, w: TWindow, f: TIndicatorFilter): Promise<TAppealRow[]> {
  return db.$queryRaw<TAppealRow[]>`
    SELECT GROUPING(c."organisationId")::int AS g, c."organisationId", a."serviceCode",
           count(*) AS rated,
           count(*) FILTER (WHERE c."satisfied" = 3) AS satisfied,
           count(*) FILTER (WHERE c."satisfied" = 2) AS partially
      FROM "Complaint" c
      LEFT JOIN "Application" a ON a."id" = c."applicationId"
     WHERE c."satisfied" IS NOT NULL
       AND c."answeredAt" >= ${w.from}::timestamp(3) AND c."answeredAt" < ${w.to}::timestamp(3)
       AND ${orgCondition(f.scope, Prisma.sql`c."organisationId"`)}
       AND ${eqCondition(Prisma.sql`a."serviceCode"`, f.service)}
     GROUP BY GROUPING SETS ((), (c."organisationId", a."serviceCode"))`;
}

/** Services provided by the organisations of the scope (for 3.2 and for the rows of the table). */
export async function providedServices(db: DbOrTx, f: TIndicatorFilter): Promise<{ organisationId: string; serviceCode: string }[]> {
  return db.organisationService.findMany({
    where: { AND: [f.scope.ids === null ? {} : { organisationId: { in: f.scope.ids } }, f.service ? { serviceCode: f.service } : {}] },
    select: { organisationId: true, serviceCode: true },
  });
}
