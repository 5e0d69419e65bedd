import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { indicatorTrend, qualityIndicators, stepDurations } from "@/lib/oversight/metrics";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser } from "../../factories";
import { createApplicant, createSupervisor, insertApplication, insertComplaint, insertStep, insertSurvey, orgByCode, type TAppSpec } from "../../factories/metrics";

/**
 * A known mix in March 2026 (Almaty, UTC+5: the month runs from 2026-02-28T19:00Z to
 * 2026-03-31T19:00Z) and every indicator checked to the exact value, and against a plain SQL query.
 */
let t: TestDb;
let aktobe: string, atyrau: string, committee: string;
let aktobeSup: UserActor, astanaRegionSup: UserActor, ministry: UserActor, admin: UserActor;
const ids: Record<string, string> = {};
const NOW = new Date("2026-04-10T06:00:00Z");
const MARCH = { period: "month" as const, year: 2026, month: 3 };
const Z = (s: string) => new Date(`${s}Z`);

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  [aktobe, atyrau, committee] = (await Promise.all(["aktobe", "atyrau", "committee"].map((c) => orgByCode(t.db, c)))).map((o) => o.id) as [string, string, string];
  aktobeSup = await createSupervisor(t.db, aktobe, "ORGANISATION");
  astanaRegionSup = await createSupervisor(t.db, committee, "REGION");
  ministry = await createSupervisor(t.db, committee, "ALL");
  admin = (await createUser(t.db, "ADMIN")).actor;
  const who = await createApplicant(t.db);
  const base = { subjectId: who.subject.id, createdById: who.actor.userId };
  const specs: Record<string, Omit<TAppSpec, "subjectId" | "createdById">> = {
    A1: { organisationId: aktobe, status: "ISSUED", dueAt: Z("2026-03-10T13:00:00"), closedAt: Z("2026-03-09T08:00:00") },
    A2: { organisationId: aktobe, status: "ISSUED", dueAt: Z("2026-03-05T13:00:00"), closedAt: Z("2026-03-12T06:00:00") },
    A3: { organisationId: aktobe, status: "REFUSED", dueAt: Z("2026-03-20T13:00:00"), closedAt: Z("2026-03-18T06:00:00") },
    A4: { organisationId: aktobe, status: "REFUSED", dueAt: Z("2026-03-02T13:00:00"), closedAt: Z("2026-03-03T06:00:00") },
    A5: { organisationId: aktobe, status: "DEEMED_ISSUED", dueAt: Z("2026-03-16T13:00:00"), deemedIssuedAt: Z("2026-03-16T13:00:00") },
    A6: { organisationId: aktobe, status: "WITHDRAWN", dueAt: Z("2026-03-20T13:00:00"), closedAt: Z("2026-03-07T06:00:00") },
    A7: { organisationId: aktobe, status: "DRAFT" },
    // Closed exactly at the due instant: in time.
    A8: { organisationId: aktobe, status: "ISSUED", dueAt: Z("2026-03-11T13:00:00"), closedAt: Z("2026-03-11T13:00:00") },
    // 1 March 00:30 in Almaty: in March; 28 February 23:30: not.
    A9: { organisationId: aktobe, status: "ISSUED", dueAt: Z("2026-03-02T13:00:00"), closedAt: Z("2026-02-28T19:30:00") },
    A10: { organisationId: aktobe, status: "ISSUED", dueAt: Z("2026-03-02T13:00:00"), closedAt: Z("2026-02-28T18:30:00") },
    // Deemed issued, then handed over (ISSUED): late although closedAt is compared with dueAt.
    A11: { organisationId: aktobe, status: "ISSUED", dueAt: Z("2026-03-02T13:00:00"), deemedIssuedAt: Z("2026-03-02T13:00:00"), closedAt: Z("2026-03-04T06:00:00") },
    A16: { organisationId: aktobe, status: "ISSUED", dueAt: Z("2026-04-02T13:00:00"), closedAt: Z("2026-03-31T19:00:00") },
    A17: { organisationId: aktobe, status: "DEEMED_ISSUED", dueAt: Z("2026-02-20T13:00:00"), deemedIssuedAt: Z("2026-02-20T13:00:00") },
    A12: { organisationId: aktobe, status: "ISSUED", serviceCode: "grain-warehouse-receipts-licence", dueAt: Z("2026-03-25T13:00:00"), closedAt: Z("2026-03-20T06:00:00") },
    A13: { organisationId: atyrau, status: "ISSUED", dueAt: Z("2026-03-05T13:00:00"), closedAt: Z("2026-03-06T06:00:00") },
    A14: { organisationId: atyrau, status: "REFUSED", dueAt: Z("2026-03-10T13:00:00"), closedAt: Z("2026-03-09T06:00:00") },
    A15: { organisationId: committee, status: "ISSUED", serviceCode: "poisons-licence", dueAt: Z("2026-03-10T13:00:00"), closedAt: Z("2026-03-09T06:00:00") },
  };
  for (const [k, s] of Object.entries(specs)) ids[k] = (await insertApplication(t.db, { ...base, ...s })).id;

  const survey = (app: string, org: string, q: [number, number, number | null, number | null], at: string) =>
    insertSurvey(t.db, { applicationId: ids[app]!, organisationId: org, serviceCode: "scrap-metal-licence", q1: q[0], q2: q[1], q3: q[2], q4: q[3], at: Z(at) });
  await survey("A1", aktobe, [3, 3, 3, null], "2026-03-10T05:00:00");
  await survey("A2", aktobe, [3, 2, 3, 3], "2026-03-13T05:00:00");
  await survey("A3", aktobe, [2, 2, 3, 1], "2026-03-19T05:00:00");
  await survey("A4", aktobe, [1, 3, null, null], "2026-03-20T05:00:00");
  await survey("A9", aktobe, [2, 2, 2, null], "2026-02-20T05:00:00");
  await survey("A13", atyrau, [1, 1, 1, null], "2026-03-07T05:00:00");

  const complaint = (org: string, app: string | null, answeredAt: string, satisfied: number | null, status: "ANSWERED" | "REJECTED" = "ANSWERED") =>
    insertComplaint(t.db, { subjectId: who.subject.id, organisationId: org, applicationId: app ? ids[app]! : null, status, acceptedAt: Z("2026-02-01T05:00:00"), dueAt: Z("2026-02-20T13:00:00"), answeredAt: Z(answeredAt), satisfied });
  await complaint(aktobe, "A1", "2026-03-15T05:00:00", 3);
  await complaint(aktobe, null, "2026-03-16T05:00:00", 1);
  await complaint(aktobe, "A2", "2026-02-10T05:00:00", 3);
  await complaint(aktobe, "A3", "2026-03-17T05:00:00", null);
  await complaint(atyrau, "A13", "2026-03-18T05:00:00", 2, "REJECTED");

  const h = (hours: number, start: string) => ({ startedAt: Z(start), completedAt: new Date(Z(start).getTime() + hours * 3_600_000) });
  await insertStep(t.db, { applicationId: ids.A1!, seq: 1, stepKey: "review", ...h(2, "2026-03-03T04:00:00") });
  await insertStep(t.db, { applicationId: ids.A2!, seq: 1, stepKey: "review", ...h(4, "2026-03-04T04:00:00") });
  await insertStep(t.db, { applicationId: ids.A3!, seq: 1, stepKey: "review", ...h(10, "2026-03-05T04:00:00") });
  await insertStep(t.db, { applicationId: ids.A4!, seq: 1, stepKey: "review", ...h(100, "2026-03-01T04:00:00"), outcome: "cancelled_withdrawn" });
  await insertStep(t.db, { applicationId: ids.A5!, seq: 1, stepKey: "review", ...h(7, "2026-02-10T04:00:00") });
  await insertStep(t.db, { applicationId: ids.A8!, seq: 1, stepKey: "review", startedAt: Z("2026-03-06T04:00:00"), completedAt: null });
  await insertStep(t.db, { applicationId: ids.A13!, seq: 1, stepKey: "review", ...h(1, "2026-03-06T04:00:00") });
  await insertStep(t.db, { applicationId: ids.A1!, seq: 2, stepKey: "sign", ...h(0.5, "2026-03-08T04:00:00") });
});
afterAll(async () => {
  await t?.drop();
});

/** The same definition of 1.1 as an independent plain query with literal bounds. */
async function plainOnTime(orgIds: string[]) {
  const rows = await t.db.$queryRawUnsafe<{ closed: number; on_time: number }[]>(
    `SELECT count(*)::int AS closed,
            count(*) FILTER (WHERE status <> 'DEEMED_ISSUED' AND "deemedIssuedAt" IS NULL AND "closedAt" <= "dueAt")::int AS on_time
       FROM "Application"
      WHERE "organisationId" = ANY($1::text[])
        AND ((status IN ('ISSUED', 'REFUSED') AND "closedAt" >= '2026-02-28 19:00:00' AND "closedAt" < '2026-03-31 19:00:00')
          OR (status = 'DEEMED_ISSUED' AND "deemedIssuedAt" >= '2026-02-28 19:00:00' AND "deemedIssuedAt" < '2026-03-31 19:00:00'))`,
    orgIds,
  );
  return rows[0]!;
}

async function plainSurvey(orgIds: string[], column: string) {
  const rows = await t.db.$queryRawUnsafe<{ sat: number; partial: number; total: number }[]>(
    `SELECT count(*) FILTER (WHERE "${column}" = 3)::int AS sat, count(*) FILTER (WHERE "${column}" = 2)::int AS partial, count("${column}")::int AS total
       FROM "SurveyResponse" WHERE "organisationId" = ANY($1::text[]) AND "createdAt" >= '2026-02-28 19:00:00' AND "createdAt" < '2026-03-31 19:00:00'`,
    orgIds,
  );
  return rows[0]!;
}

describe("quality indicators for March 2026", () => {
  it("1.1 for one organisation: on time ÷ closed, deemed issued late, withdrawn/drafts/out-of-period ignored", async () => {
    const r = await qualityIndicators(t.db, aktobeSup, MARCH, NOW);
    expect(r.period.from.toISOString()).toBe("2026-02-28T19:00:00.000Z");
    expect(r.period.to.toISOString()).toBe("2026-03-31T19:00:00.000Z");
    expect(r.totals.onTime).toEqual({ numerator: 5, denominator: 9, value: 5 / 9, normative: 1, issued: 6, refused: 2, deemedIssued: 1, late: 4 });
    const plain = await plainOnTime([aktobe]);
    expect([r.totals.onTime.numerator, r.totals.onTime.denominator]).toEqual([plain.on_time, plain.closed]);
    const scrap = r.rows.find((x) => x.organisationId === aktobe && x.serviceCode === "scrap-metal-licence")!;
    expect(scrap.indicators.onTime.value).toBe(0.5);
    expect(scrap.indicators.onTime.denominator).toBe(8);
    const grain = r.rows.find((x) => x.organisationId === aktobe && x.serviceCode === "grain-warehouse-receipts-licence")!;
    expect(grain.indicators.onTime.value).toBe(1);
    // No row of another organisation.
    expect(r.rows.every((x) => x.organisationId === aktobe)).toBe(true);
  });

  it("2.1, 3.1 and 5.1 from the survey, with 'partially satisfied' reported separately", async () => {
    const r = await qualityIndicators(t.db, aktobeSup, MARCH, NOW);
    expect(r.totals.process).toEqual({ numerator: 2, denominator: 4, value: 0.5, normative: 1, partially: 1, notSatisfied: 1, partialShare: 0.25 });
    expect(r.totals.information).toEqual({ numerator: 2, denominator: 4, value: 0.5, normative: 1, partially: 2, notSatisfied: 0, partialShare: 0.5 });
    expect(r.totals.courtesy).toEqual({ numerator: 3, denominator: 3, value: 1, normative: 1, partially: 0, notSatisfied: 0, partialShare: 0 });
    for (const [key, column] of [["process", "q1Process"], ["information", "q2Information"], ["courtesy", "q3Courtesy"]] as const) {
      const plain = await plainSurvey([aktobe], column);
      expect([r.totals[key].numerator, r.totals[key].partially, r.totals[key].denominator]).toEqual([plain.sat, plain.partial, plain.total]);
    }
  });

  it("4.1 combines the complaints' final question and the survey's appeal question; 3.2 from the catalogue", async () => {
    const r = await qualityIndicators(t.db, aktobeSup, MARCH, NOW);
    expect(r.totals.appeal).toEqual({ numerator: 2, denominator: 4, value: 0.5, normative: 1, partially: 0, complaints: { satisfied: 1, rated: 2 }, survey: { satisfied: 1, answered: 2 } });
    const noService = r.rows.find((x) => x.organisationId === aktobe && x.serviceCode === null)!;
    expect(noService.indicators.appeal.value).toBe(0);
    const scrap = r.rows.find((x) => x.organisationId === aktobe && x.serviceCode === "scrap-metal-licence")!;
    expect(scrap.indicators.appeal.value).toBe(2 / 3);
    expect(r.totals.electronic).toEqual({ numerator: 2, denominator: 2, value: 1, normative: 1 });
    const plain = await t.db.$queryRawUnsafe<{ sat: number; rated: number }[]>(
      `SELECT count(*) FILTER (WHERE satisfied = 3)::int AS sat, count(*)::int AS rated FROM "Complaint"
        WHERE "organisationId" = $1 AND satisfied IS NOT NULL AND "answeredAt" >= '2026-02-28 19:00:00' AND "answeredAt" < '2026-03-31 19:00:00'`,
      aktobe,
    );
    expect(r.totals.appeal.complaints).toEqual({ satisfied: plain[0]!.sat, rated: plain[0]!.rated });
  });

  it("all organisations (ministry supervisor and administrator) and a region (Astana: the Committee and the Astana body)", async () => {
    for (const who of [ministry, admin]) {
      const r = await qualityIndicators(t.db, who, MARCH, NOW);
      expect(r.totals.onTime).toMatchObject({ numerator: 7, denominator: 12, value: 7 / 12 });
      const all = await t.db.organisation.findMany({ select: { id: true } });
      const plain = await plainOnTime(all.map((o) => o.id));
      expect([r.totals.onTime.numerator, r.totals.onTime.denominator]).toEqual([plain.on_time, plain.closed]);
      expect(r.totals.process).toMatchObject({ numerator: 2, denominator: 5, value: 0.4 });
      expect(r.totals.courtesy).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
      expect(r.totals.appeal).toMatchObject({ numerator: 2, denominator: 5, value: 0.4, partially: 1 });
      // 3.2 as defined [004 L9095-9140]: every standard publishes its information online, not only portal services.
      expect(r.totals.electronic).toEqual({ numerator: 14, denominator: 14, value: 1, normative: 1 });
    }
    const region = await qualityIndicators(t.db, astanaRegionSup, MARCH, NOW);
    expect(region.scope.organisations.map((o) => o.code).sort()).toEqual(["astana", "committee"]);
    expect(region.totals.onTime).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(region.totals.process.value).toBeNull();
  });

  it("filters by organisation (only inside the scope) and by service", async () => {
    const atyrauOnly = await qualityIndicators(t.db, ministry, { ...MARCH, organisationId: atyrau }, NOW);
    expect(atyrauOnly.totals.onTime).toMatchObject({ numerator: 1, denominator: 2 });
    const outside = await qualityIndicators(t.db, aktobeSup, { ...MARCH, organisationId: atyrau }, NOW);
    expect(outside.totals.onTime.value).toBeNull();
    expect(outside.rows).toEqual([]);
    const grain = await qualityIndicators(t.db, ministry, { ...MARCH, service: "grain-warehouse-receipts-licence" }, NOW);
    expect(grain.totals.onTime).toMatchObject({ numerator: 1, denominator: 1 });
    expect(grain.totals.electronic).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it("an empty period is 'no data' (null), never 0 % or 100 %", async () => {
    const r = await qualityIndicators(t.db, ministry, { period: "month", year: 2025, month: 1 }, NOW);
    for (const k of ["onTime", "process", "information", "appeal", "courtesy"] as const) {
      expect(r.totals[k].value, k).toBeNull();
      expect(r.totals[k].denominator, k).toBe(0);
    }
    expect(r.totals.process.partialShare).toBeNull();
    // 3.2 describes the catalogue, not the period [004 L9095-9140].
    expect(r.totals.electronic.value).toBe(1);
    // Yearly targets as data per indicator and year [004 L358-361, L7928-7930]: the period's year.
    expect(r.targets).toEqual({ year: 2025, values: { onTime: 100, process: 100, information: 100, electronic: 100, appeal: 100, courtesy: 100 } });
    expect((await qualityIndicators(t.db, ministry, { period: "year", year: 2030 }, NOW)).targets.values.onTime).toBeNull();
    expect(r.rows.filter((x) => x.indicators.onTime.value !== null)).toEqual([]);
  });

  it("custom periods and quarters follow Almaty midnights", async () => {
    const day = await qualityIndicators(t.db, aktobeSup, { period: "custom", from: "2026-03-01", to: "2026-03-01" }, NOW);
    expect(day.totals.onTime).toMatchObject({ numerator: 1, denominator: 1 }); // A9 only (00:30 local)
    const feb = await qualityIndicators(t.db, aktobeSup, { period: "custom", from: "2026-02-01", to: "2026-02-28" }, NOW);
    expect(feb.totals.onTime).toMatchObject({ numerator: 1, denominator: 2 }); // A10 on time, A17 deemed
    await expect(qualityIndicators(t.db, aktobeSup, { period: "custom", from: "2026-03-02", to: "2026-03-01" }, NOW)).rejects.toMatchObject({ code: "supervisor.errors.bad_period" });
  });
});

describe("trend", () => {
  it("per month over a quarter, null for a month without data", async () => {
    const tr = await indicatorTrend(t.db, ministry, { period: "quarter", year: 2026, quarter: 1 }, NOW);
    expect(tr.granularity).toBe("month");
    expect(tr.points.map((p) => [p.bucket, p.onTime.numerator, p.onTime.denominator, p.onTime.value])).toEqual([
      ["2026-01-01", 0, 0, null],
      ["2026-02-01", 1, 2, 0.5],
      ["2026-03-01", 7, 12, 7 / 12],
    ]);
    expect(tr.points.map((p) => p.process.value)).toEqual([null, 0, 0.4]);
  });

  it("per day over a month; each day equals the indicator of that single day", async () => {
    const tr = await indicatorTrend(t.db, aktobeSup, MARCH, NOW);
    expect(tr.granularity).toBe("day");
    expect(tr.points).toHaveLength(31);
    const first = tr.points[0]!;
    expect([first.bucket, first.onTime.numerator, first.onTime.denominator]).toEqual(["2026-03-01", 1, 1]);
    const sum = tr.points.reduce((s, p) => s + p.onTime.denominator, 0);
    expect(sum).toBe(9);
  });
});

describe("step durations (working hours of the organisation calendar)", () => {
  it("average, median, 90th percentile and maximum per step; cancelled, running and out-of-period steps ignored", async () => {
    // Aktobe review: 09:00–11:00 (2 h), 09:00–13:00 (4 h), 09:00–19:00 (8 working h: lunch break, closing at 18:30);
    // sign: Sunday 8 March (a holiday) = 0 working hours, 0.5 calendar hours.
    const own = await stepDurations(t.db, aktobeSup, MARCH, NOW);
    expect(own.unit).toBe("working_hours");
    expect(own.unmeasured).toBe(0);
    expect(own.rows).toEqual([
      { stepKey: "review", count: 3, avgHours: 4.67, p50Hours: 4, p90Hours: 7.2, maxHours: 8, calendarAvgHours: 5.33, calendarMaxHours: 10 },
      { stepKey: "sign", count: 1, avgHours: 0, p50Hours: 0, p90Hours: 0, maxHours: 0, calendarAvgHours: 0.5, calendarMaxHours: 0.5 },
    ]);
    const all = await stepDurations(t.db, ministry, MARCH, NOW);
    expect(all.rows[0]).toEqual({ stepKey: "review", count: 4, avgHours: 3.75, p50Hours: 3, p90Hours: 6.8, maxHours: 8, calendarAvgHours: 4.25, calendarMaxHours: 10 });
    const plain = await t.db.$queryRawUnsafe<{ n: number; avg: number; p50: number; p90: number; max: number }[]>(
      `SELECT count(*)::int AS n, avg("workingMinutes")::float8 / 60 AS avg, (percentile_cont(0.5) WITHIN GROUP (ORDER BY "workingMinutes") / 60)::float8 AS p50,
              (percentile_cont(0.9) WITHIN GROUP (ORDER BY "workingMinutes") / 60)::float8 AS p90, max("workingMinutes")::float8 / 60 AS max
         FROM "ApplicationStep" WHERE "stepKey" = 'review' AND "completedAt" >= '2026-02-28 19:00:00' AND "completedAt" < '2026-03-31 19:00:00'
          AND ("outcome" IS NULL OR "outcome" NOT LIKE 'cancelled%')`,
    );
    const r = (x: number) => Math.round(x * 100) / 100;
    const p = plain[0]!;
    expect([all.rows[0]!.count, all.rows[0]!.avgHours, all.rows[0]!.p50Hours, all.rows[0]!.p90Hours, all.rows[0]!.maxHours]).toEqual([p.n, r(p.avg), r(p.p50), r(p.p90), r(p.max)]);
  });

  it("a custom period that is not whole months reads the raw edge days with the same result as whole months", async () => {
    const custom = await stepDurations(t.db, ministry, { period: "custom", from: "2026-02-05", to: "2026-03-31" }, NOW);
    const feb = await stepDurations(t.db, ministry, { period: "custom", from: "2026-02-05", to: "2026-02-28" }, NOW);
    const march = await stepDurations(t.db, ministry, MARCH, NOW);
    expect(feb.rows.map((x) => [x.stepKey, x.count])).toEqual([["review", 1]]);
    expect(custom.rows.find((x) => x.stepKey === "review")!.count).toBe(march.rows[0]!.count + 1);
    expect(custom.rows.find((x) => x.stepKey === "sign")).toEqual(march.rows[1]);
  });
});
