import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { qualityIndicators } from "@/lib/oversight/metrics";
import { submitSurvey, surveyState } from "@/lib/oversight/survey";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createApplicant, createSupervisor, insertApplication, orgByCode } from "../../factories/metrics";

let t: TestDb;
let aktobe: string;
let owner: { subject: { id: string }; actor: UserActor };
let stranger: UserActor;
let supervisor: UserActor;
const NOW = new Date("2026-05-12T06:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  aktobe = (await orgByCode(t.db, "aktobe")).id;
  owner = await createApplicant(t.db);
  stranger = (await createApplicant(t.db)).actor;
  supervisor = await createSupervisor(t.db, aktobe, "ORGANISATION");
});
afterAll(async () => {
  await t?.drop();
});

const app = (status: "ISSUED" | "REFUSED" | "DEEMED_ISSUED" | "IN_PROGRESS" | "WITHDRAWN" | "DRAFT", serviceCode = "scrap-metal-licence") =>
  insertApplication(t.db, { organisationId: aktobe, subjectId: owner.subject.id, createdById: owner.actor.userId, status, serviceCode, closedAt: NOW, dueAt: NOW });

const answers = { q1Process: 3, q2Information: 2, q3Courtesy: 3, q4Appeal: undefined };

describe("submitSurvey", () => {
  it("stores the answers with organisation and service but no user, and audits without the answers", async () => {
    const a = await app("ISSUED", "grain-warehouse-receipts-licence");
    expect((await surveyState(t.db, owner.actor, a.id))).toMatchObject({ eligible: true, answered: false });
    const { id } = await submitSurvey(t.db, { actor: owner.actor, applicationId: a.id, answers, now: NOW });
    const row = await t.db.surveyResponse.findUniqueOrThrow({ where: { id } });
    expect(row).toEqual({ id, applicationId: a.id, organisationId: aktobe, serviceCode: "grain-warehouse-receipts-licence", q1Process: 3, q2Information: 2, q3Courtesy: 3, q4Appeal: null, createdAt: NOW });
    // The table has no column that could hold who answered.
    const columns = await t.db.$queryRawUnsafe<{ column_name: string }[]>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'SurveyResponse' ORDER BY 1`);
    expect(columns.map((c) => c.column_name)).toEqual(["applicationId", "createdAt", "id", "organisationId", "q1Process", "q2Information", "q3Courtesy", "q4Appeal", "serviceCode"]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "survey.submitted", entityId: id } });
    expect(audit.data).toEqual({});
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toMatch(/q1Process|q2Information|q3Courtesy/);
    expect(await surveyState(t.db, owner.actor, a.id)).toMatchObject({ answered: true });
  });

  it("once per application: a second answer, even a concurrent one, is 'already answered'", async () => {
    const a = await app("REFUSED");
    await submitSurvey(t.db, { actor: owner.actor, applicationId: a.id, answers, now: NOW });
    await expect(submitSurvey(t.db, { actor: owner.actor, applicationId: a.id, answers, now: NOW })).rejects.toMatchObject({ code: "survey.already_answered" });
    const b = await app("DEEMED_ISSUED");
    const results = await Promise.allSettled([1, 2, 3].map(() => submitSurvey(t.db, { actor: owner.actor, applicationId: b.id, answers, now: NOW })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "survey.already_answered" });
    expect(await t.db.surveyResponse.count({ where: { applicationId: b.id } })).toBe(1);
  });

  it("only for an application with a result, only by its applicant", async () => {
    for (const s of ["IN_PROGRESS", "WITHDRAWN", "DRAFT"] as const) {
      const a = await app(s);
      await expect(submitSurvey(t.db, { actor: owner.actor, applicationId: a.id, answers, now: NOW })).rejects.toMatchObject({ code: "survey.not_available" });
    }
    const a = await app("ISSUED");
    await expect(submitSurvey(t.db, { actor: stranger, applicationId: a.id, answers, now: NOW })).rejects.toMatchObject({ code: "errors.not_found" });
    await expect(submitSurvey(t.db, { actor: supervisor, applicationId: a.id, answers, now: NOW })).rejects.toMatchObject({ code: "errors.not_found" });
  });

  it("validates the answers (1–3; Q4 optional)", async () => {
    const a = await app("ISSUED");
    await expect(submitSurvey(t.db, { actor: owner.actor, applicationId: a.id, answers: { ...answers, q1Process: 4 }, now: NOW })).rejects.toThrow();
    await expect(submitSurvey(t.db, { actor: owner.actor, applicationId: a.id, answers: { ...answers, q3Courtesy: 0 }, now: NOW })).rejects.toThrow();
    await submitSurvey(t.db, { actor: owner.actor, applicationId: a.id, answers: { ...answers, q4Appeal: 1 }, now: NOW });
    expect((await t.db.surveyResponse.findUniqueOrThrow({ where: { applicationId: a.id } })).q4Appeal).toBe(1);
  });

  it("feeds the indicators anonymously: reports count answers, never who gave them", async () => {
    const r = await qualityIndicators(t.db, supervisor, { period: "month", year: 2026, month: 5 }, NOW);
    // Four responses so far: Q1 all 3, Q2 all 2, Q3 all 3, Q4 one "1".
    expect(r.totals.process).toMatchObject({ numerator: 4, denominator: 4, value: 1 });
    expect(r.totals.information).toMatchObject({ numerator: 0, denominator: 4, value: 0, partially: 4, partialShare: 1 });
    expect(r.totals.appeal).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });
});
