import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionForVersion, executeCommand, toWorkflowState } from "@/lib/cases/applications";
import { systemActor, type UserActor } from "@/lib/platform/auth";
import { wholeWorkingMinutes } from "@/lib/law/calendar";
import type { Application } from "@/lib/platform/db";
import { foldMetricSummaries, indicatorTrend, qualityIndicators, rebuildMetricSummaries, stepDurations } from "@/lib/oversight/metrics";
import { submitSurvey } from "@/lib/oversight/survey";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { availableCommands, type TWorkflowCommandInput } from "@/lib/law/workflow";
// The raw aggregates the summary replaced: the reference the summary-backed results must equal.
import { closedCases, surveyAnswers } from "@/lib/oversight/metrics/indicator-sql";
import { resolveOrgScope } from "@/lib/oversight/metrics/org-scope";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createWorkflowCast } from "../../factories/workflow";
import { createApplicant, createSupervisor, insertApplication, insertStep, insertSurvey, orgByCode } from "../../factories/metrics";

/**
 * The dashboard summaries (IndicatorDaily, StepDurationMonthly) are maintained by triggers in the
 * transaction of every write. A known mix goes through the real use cases (workflow commands,
 * survey) plus direct row changes (re-opening, deletion, concurrent writers); then the
 * summary-backed reports must equal the raw aggregates, and a full rebuild must equal the
 * incrementally maintained tables.
 */
let t: TestDb;
let orgId: string, atyrau: string;
let applicant: UserActor, clerk: UserActor, head: UserActor, executor: UserActor, ministry: UserActor;
const NOW = new Date("2027-02-01T06:00:00Z");
// Monday 30 November 2026, 10:00 in Aktobe (UTC+5).
const t0 = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const Z = (s: string) => new Date(`${s}Z`);
const WHOLE = { period: "custom" as const, from: "2026-11-01", to: "2027-01-31" };
const PERIODS = [
  { period: "custom" as const, from: "2026-11-01", to: "2027-01-31" },
  { period: "month" as const, year: 2026, month: 12 },
  { period: "custom" as const, from: "2026-12-03", to: "2026-12-24" },
];

async function run(app: Application, actor: UserActor | ReturnType<typeof systemActor>, command: TWorkflowCommandInput, now: Date) {
  return (await executeCommand(t.db, { actor, applicationId: app.id, command: command as never, now })).application;
}

/** Draft → paid → signed → submitted (→ registered → assigned to the executor). */
async function submitted(start: number, opts: { register: boolean } = { register: true }) {
  const subject = await t.db.subject.findUniqueOrThrow({ where: { id: applicant.subjectId! } });
  const app = await t.db.application.create({
    data: { serviceCode: "scrap-metal-licence", variant: "ISSUE", organisationId: orgId, subjectId: subject.id, createdById: applicant.userId, applicantName: subject.name, applicantIdentifier: subject.identifier },
  });
  const sys = systemActor("test");
  await run(app, sys, { type: "payment_confirmed" }, at(start));
  await run(app, sys, { type: "signature_verified" }, at(start + 1));
  await run(app, applicant, { type: "submit" }, at(start + 2));
  if (!opts.register) return t.db.application.findUniqueOrThrow({ where: { id: app.id } });
  await run(app, clerk, { type: "register" }, at(start + 5));
  await run(app, head, { type: "assign", assigneeId: executor.userId, assigneeRole: "EXECUTOR", assigneeOrganisationId: orgId }, at(start + 30));
  return t.db.application.findUniqueOrThrow({ where: { id: app.id } });
}

/** The executor works until a decision is drafted (as in workflow/aktobe-path.test.ts). */
async function drafted(app: Application, decision: { kind: "licence"; subtypes: string[] } | { kind: "refusal"; grounds: string[]; reason: string }, start: number) {
  let current = app;
  const def = await definitionForVersion(t.db, current.regulationVersionId!, current.variant);
  for (let i = 0; i < 5 && current.stepRole === "EXECUTOR"; i++) {
    const cmds = availableCommands(def, toWorkflowState(current), executor);
    const checks = toWorkflowState(current).workflowData.checks;
    const cmd: TWorkflowCommandInput = cmds.includes("start_review")
      ? { type: "start_review" }
      : cmds.includes("record_check") && !checks.qualification
        ? { type: "record_check", check: checks.completeness ? "qualification" : "completeness", passed: true }
        : { type: "draft_decision", decision: decision.kind === "refusal" ? { ...decision, grounds: def.refusalGrounds.slice(0, 1) } : decision };
    current = await run(current, executor, cmd, at(start + i * 600));
  }
  return current;
}

async function signedAndHandedOver(app: Application, signAt: number, handOverAt: number) {
  await t.db.signature.create({
    data: { purpose: "DECISION", applicationId: app.id, signerName: "HEAD", certSerial: "01", certIssuer: "CN=test", signingTime: at(signAt - 1), contentSha256: "0".repeat(64), cms: new Uint8Array([0x30]), status: "valid", verifiedAt: at(signAt - 1) },
  });
  await run(app, head, { type: "sign_decision" }, at(signAt));
  return run(app, clerk, { type: "hand_over", mode: "electronic" }, at(handOverAt));
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  orgId = (await orgByCode(t.db, "aktobe")).id;
  atyrau = (await orgByCode(t.db, "atyrau")).id;
  ({ applicant, clerk, head, executor } = await createWorkflowCast(t.db, orgId));
  ministry = await createSupervisor(t.db, (await orgByCode(t.db, "committee")).id, "ALL");

  // Issued on time (a few days), with a survey answer.
  const issued = await drafted(await submitted(0), { kind: "licence", subtypes: ["ferrous-collection"] }, 60);
  ids.issued = (await signedAndHandedOver(issued, 3 * 1440, 3 * 1440 + 120)).id;
  await submitSurvey(t.db, { actor: applicant, applicationId: ids.issued, answers: { q1Process: 3, q2Information: 2, q3Courtesy: 3, q4Appeal: 1 }, now: at(4 * 1440) });
  // Refused on time.
  const refused = await drafted(await submitted(10), { kind: "refusal", grounds: [], reason: "Incomplete documents" }, 200);
  ids.refused = (await signedAndHandedOver(refused, 2 * 1440, 2 * 1440 + 60)).id;
  // Withdrawn before registration: its open step is cancelled, nothing is counted.
  const withdrawn = await submitted(20, { register: false });
  ids.withdrawn = (await run(withdrawn, applicant, { type: "withdraw" }, at(300))).id;
  // A licence drafted but never signed: deemed issued at the due instant (tacit approval), then handed over late.
  const licence = { kind: "licence" as const, subtypes: ["ferrous-collection"] };
  const deemed = await drafted(await submitted(40), licence, 400);
  const afterDue = new Date(deemed.dueAt!.getTime() + 3_600_000);
  ids.deemed = (await run(deemed, systemActor("deadline"), { type: "deadline_passed", deadline: "overall" }, afterDue)).id;
  ids.deemedOpen = (await run(await drafted(await submitted(50), licence, 500), systemActor("deadline"), { type: "deadline_passed", deadline: "overall" }, afterDue)).id;
  const deemedNow = await t.db.application.findUniqueOrThrow({ where: { id: ids.deemed } });
  await run(deemedNow, clerk, { type: "hand_over", mode: "electronic" }, new Date(afterDue.getTime() + 2 * 86_400_000));
});
afterAll(async () => {
  await t?.drop();
});

type Snapshot = { daily: unknown[]; steps: unknown[] };
async function snapshot(): Promise<Snapshot> {
  const daily = await t.db.$queryRawUnsafe<unknown[]>(
    `SELECT to_char("day", 'YYYY-MM-DD') AS day, "organisationId", "serviceCode", closed, "onTime", issued, refused, deemed,
            q1a1, q1a2, q1a3, q2a1, q2a2, q2a3, q3a1, q3a2, q3a3, q4a1, q4a2, q4a3
       FROM "IndicatorDailyLive"
      WHERE closed <> 0 OR "onTime" <> 0 OR issued <> 0 OR refused <> 0 OR deemed <> 0
         OR q1a1 + q1a2 + q1a3 + q2a1 + q2a2 + q2a3 + q3a1 + q3a2 + q3a3 + q4a1 + q4a2 + q4a3 <> 0
      ORDER BY 1, 2, 3`,
  );
  const steps = await t.db.$queryRawUnsafe<unknown[]>(
    `SELECT to_char("month", 'YYYY-MM-DD') AS month, "organisationId", "serviceCode", "stepKey", bucket, n, round("calendarSeconds"::numeric, 3)::text AS cal,
            round("maxCalendarSeconds"::numeric, 3)::text AS max_cal, "workingMinutes"::text AS wm, "minWorking", "maxWorking"
       FROM "StepDurationMonthlyLive" ORDER BY 1, 2, 3, 4, 5`,
  );
  return { daily, steps };
}

async function expectReportsEqualRaw() {
  for (const p of PERIODS) {
    const report = await qualityIndicators(t.db, ministry, p, NOW);
    const scope = await resolveOrgScope(t.db, ministry, {});
    const w = { from: report.period.from, to: report.period.to };
    const [closed, survey] = await Promise.all([closedCases(t.db, w, { scope }), surveyAnswers(t.db, w, { scope })]);
    const total = closed.find((r) => r.g === 1)!;
    const s = survey.find((r) => r.g === 1)!;
    expect([report.totals.onTime.denominator, report.totals.onTime.numerator, report.totals.onTime.issued, report.totals.onTime.refused, report.totals.onTime.deemedIssued]).toEqual(
      [total.closed, total.on_time, total.issued, total.refused, total.deemed].map(Number),
    );
    expect([report.totals.process.numerator, report.totals.process.partially, report.totals.process.notSatisfied, report.totals.appeal.survey.answered]).toEqual(
      [s.q1_3, s.q1_2, s.q1_1, s.q4_1 + s.q4_2 + s.q4_3].map(Number),
    );
    for (const r of closed.filter((x) => x.g === 0)) {
      const row = report.rows.find((x) => x.organisationId === r.organisationId && x.serviceCode === r.serviceCode)!;
      expect([row.indicators.onTime.denominator, row.indicators.onTime.numerator]).toEqual([Number(r.closed), Number(r.on_time)]);
    }
    // The trend per day/month sums to the same totals.
    const trend = await indicatorTrend(t.db, ministry, p, NOW);
    expect(trend.points.reduce((n, x) => n + x.onTime.denominator, 0)).toBe(Number(total.closed));
    expect(trend.points.reduce((n, x) => n + x.process.denominator, 0)).toBe(Number(s.q1_1 + s.q1_2 + s.q1_3));
  }
}

describe("summaries maintained by the use cases", () => {
  it("the workflow stores each completed step's working minutes from the organisation calendar", async () => {
    const cal = await loadOrganisationCalendar(t.db, orgId);
    const steps = await t.db.applicationStep.findMany({ where: { applicationId: { in: Object.values(ids) }, completedAt: { not: null } } });
    const counted = steps.filter((s) => !s.outcome?.startsWith("cancelled"));
    expect(counted.length).toBeGreaterThan(8);
    for (const s of counted) expect(s.workingMinutes).toBe(wholeWorkingMinutes(cal, s.startedAt, s.completedAt!));
  });

  it("the mix counts as defined: on time, refused, withdrawn (never), deemed issued then handed over late", async () => {
    const report = await qualityIndicators(t.db, ministry, WHOLE, NOW);
    const aktobeRow = report.rows.find((r) => r.organisationId === orgId && r.serviceCode === "scrap-metal-licence")!;
    // issued + refused on time; deemed → ISSUED late at hand-over; the other deemed one still DEEMED_ISSUED (late).
    expect(aktobeRow.indicators.onTime).toMatchObject({ denominator: 4, numerator: 2, issued: 2, refused: 1, deemedIssued: 1, late: 2 });
    expect(aktobeRow.indicators.process).toMatchObject({ numerator: 1, denominator: 1 });
    await expectReportsEqualRaw();
  });

  it("re-opening, re-closing, deleting and concurrent writers never double count and match a full rebuild", async () => {
    const who = await createApplicant(t.db);
    const base = { subjectId: who.subject.id, createdById: who.actor.userId, organisationId: atyrau };
    // Re-opened: closed on 10 Dec, re-opened, closed again on 20 Dec (late this time).
    const re = await insertApplication(t.db, { ...base, status: "ISSUED", dueAt: Z("2026-12-15T13:00:00"), closedAt: Z("2026-12-10T06:00:00") });
    await t.db.application.update({ where: { id: re.id }, data: { status: "IN_PROGRESS", closedAt: null } });
    await t.db.application.update({ where: { id: re.id }, data: { status: "REFUSED", closedAt: Z("2026-12-20T06:00:00") } });
    // Closed, then withdrawn by correction of the record: leaves the indicator.
    const gone = await insertApplication(t.db, { ...base, status: "REFUSED", dueAt: Z("2026-12-15T13:00:00"), closedAt: Z("2026-12-11T06:00:00") });
    await t.db.application.update({ where: { id: gone.id }, data: { status: "WITHDRAWN" } });
    // A survey answer changed and another deleted.
    const sv = await insertSurvey(t.db, { applicationId: re.id, organisationId: atyrau, serviceCode: "scrap-metal-licence", q1: 1, q2: 1, q3: null, q4: null, at: Z("2026-12-21T05:00:00") });
    await t.db.surveyResponse.update({ where: { id: sv.id }, data: { q1Process: 3, q3Courtesy: 2 } });
    const sv2 = await insertSurvey(t.db, { applicationId: gone.id, organisationId: atyrau, serviceCode: "scrap-metal-licence", q1: 2, q2: 2, q3: 2, q4: 2, at: Z("2026-12-21T06:00:00") });
    await t.db.surveyResponse.delete({ where: { id: sv2.id } });
    // Steps: one completed then its working minutes corrected (the refresh path), one cancelled after completion.
    const st = await insertStep(t.db, { applicationId: re.id, seq: 1, stepKey: "review", startedAt: Z("2026-12-01T04:00:00"), completedAt: Z("2026-12-02T04:00:00") });
    await t.db.applicationStep.update({ where: { id: st.id }, data: { workingMinutes: 5000 } });
    const st2 = await insertStep(t.db, { applicationId: re.id, seq: 2, stepKey: "sign", startedAt: Z("2026-12-02T04:00:00"), completedAt: Z("2026-12-02T05:00:00") });
    await t.db.applicationStep.update({ where: { id: st2.id }, data: { outcome: "cancelled_reopened" } });
    // Concurrent writers on the same (day, organisation, service) rows: closings, answers and steps at once.
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const a = await insertApplication(t.db, { ...base, status: "ISSUED", dueAt: Z("2026-12-22T13:00:00"), closedAt: Z(`2026-12-22T0${i}:00:00`) });
        await insertStep(t.db, { applicationId: a.id, seq: 1, stepKey: "review", startedAt: Z("2026-12-21T04:00:00"), completedAt: Z(`2026-12-22T0${i}:00:00`) });
        await insertSurvey(t.db, { applicationId: a.id, organisationId: atyrau, serviceCode: "scrap-metal-licence", q1: 1 + (i % 3), q2: 3, q3: 3, q4: null, at: Z("2026-12-23T05:00:00") });
      }),
    );

    const report = await qualityIndicators(t.db, ministry, { period: "month", year: 2026, month: 12 }, NOW);
    const atyrauRow = report.rows.find((r) => r.organisationId === atyrau && r.serviceCode === "scrap-metal-licence")!;
    expect(atyrauRow.indicators.onTime).toMatchObject({ denominator: 9, numerator: 8, issued: 8, refused: 1 });
    await expectReportsEqualRaw();

    const incremental = await snapshot();
    const steps = await stepDurations(t.db, ministry, WHOLE, NOW);
    // Folding the deltas (timed job) changes nothing a reader sees, and empties the delta tables.
    expect(await t.db.stepDurationDelta.count()).toBeGreaterThan(0);
    expect((await foldMetricSummaries(t.db)).folded).toBeGreaterThan(0);
    expect(await t.db.indicatorDailyDelta.count()).toBe(0);
    expect(await t.db.stepDurationDelta.count()).toBe(0);
    expect(await snapshot()).toEqual(incremental);
    await expectReportsEqualRaw();
    await rebuildMetricSummaries(t.db, NOW);
    expect(await snapshot()).toEqual(incremental);
    expect(await stepDurations(t.db, ministry, WHOLE, NOW)).toEqual(steps);
    expect(await t.db.auditEvent.count({ where: { type: "metrics.summaries_rebuilt" } })).toBe(1);
  });

  it("writers of the same (day, organisation, service) do not wait on each other: no summary row is locked by a request", async () => {
    const who = await createApplicant(t.db);
    const base = { subjectId: who.subject.id, createdById: who.actor.userId, organisationId: atyrau, status: "ISSUED" as const, dueAt: Z("2026-12-28T13:00:00") };
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const open = t.db.$transaction(async (tx) => {
      const a = await insertApplication(tx as never, { ...base, closedAt: Z("2026-12-24T06:00:00") });
      await insertStep(tx as never, { applicationId: a.id, seq: 1, stepKey: "review", startedAt: Z("2026-12-23T04:00:00"), completedAt: Z("2026-12-24T06:00:00") });
      await held;
    }, { timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    await t.db.$transaction(async (tx) => {
      const b = await insertApplication(tx as never, { ...base, closedAt: Z("2026-12-24T07:00:00") });
      await insertStep(tx as never, { applicationId: b.id, seq: 1, stepKey: "review", startedAt: Z("2026-12-23T04:00:00"), completedAt: Z("2026-12-24T07:00:00") });
    }, { timeout: 5_000, maxWait: 5_000 });
    expect(Date.now() - started).toBeLessThan(4_000);
    release();
    await open;
    await expectReportsEqualRaw();
  });

  it("the rebuild fills missing working minutes (data from before the column) and then counts them", async () => {
    await t.db.$executeRawUnsafe(`UPDATE "ApplicationStep" SET "workingMinutes" = NULL WHERE "applicationId" = $1`, ids.issued);
    const before = await stepDurations(t.db, ministry, WHOLE, NOW);
    expect(before.unmeasured).toBeGreaterThan(0);
    const { stepsBackfilled } = await rebuildMetricSummaries(t.db, NOW);
    expect(stepsBackfilled).toBe(before.unmeasured);
    const after = await stepDurations(t.db, ministry, WHOLE, NOW);
    expect(after.unmeasured).toBe(0);
    const steps = await t.db.applicationStep.findMany({ where: { applicationId: ids.issued!, completedAt: { not: null } } });
    const cal = await loadOrganisationCalendar(t.db, orgId);
    for (const s of steps) expect(s.workingMinutes).toBe(wholeWorkingMinutes(cal, s.startedAt, s.completedAt!));
  });
});
