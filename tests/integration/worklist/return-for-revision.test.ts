import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import {
  assignApplication,
  checklistFor,
  draftDecision,
  getDecisionPreviewPdf,
  getOfficerApplication,
  recordCheck,
  registerApplication,
  returnForRevision,
  signDecision,
  startReview,
  ZReturnForRevisionInput,
  type TExpectedState,
} from "@/lib/cases/officer-actions";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createSubject, createUser } from "../../factories";
import { expectedOf, headSigning, submittedApplication } from "./helpers";

// Issue 12 point 9: the head sees the document before signing and may return it to the executor.
let t: TestDb;
let atyrau: string, aktobe: string;
let applicant: UserActor, clerk: UserActor, head: UserActor, executor: UserActor, stranger: UserActor;
let eds: Awaited<ReturnType<typeof headSigning>>;

// Monday 30 November 2026, 10:00 Almaty.
const t0 = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const COMMENT = "Подвид «хранение» не подтверждён актом осмотра площадки: уточните перечень подвидов.";

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  atyrau = (await t.db.organisation.findUniqueOrThrow({ where: { code: "atyrau" } })).id;
  aktobe = (await t.db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } })).id;
  applicant = (await createUser(t.db, "APPLICANT", { subjectId: (await createSubject(t.db)).id })).actor;
  clerk = (await createUser(t.db, "OFFICE_CLERK", { organisationId: atyrau })).actor;
  const h = await createUser(t.db, "HEAD", { organisationId: atyrau });
  await t.db.user.update({ where: { id: h.user.id }, data: { canSign: true } });
  head = { ...h.actor, canSign: true };
  executor = (await createUser(t.db, "EXECUTOR", { organisationId: atyrau })).actor;
  stranger = (await createUser(t.db, "HEAD", { organisationId: aktobe })).actor;
  eds = await headSigning(t.db, { head, organisationCode: "atyrau", iin: "720810300013" });
}, 120_000);
afterAll(async () => {
  await t.drop();
});

const ctx = (actor: UserActor, minutes: number) => ({ actor, now: at(minutes) });
const rowOf = (id: string) => t.db.application.findUniqueOrThrow({ where: { id } });
const target = async (id: string) => ({ applicationId: id, expected: expectedOf(await rowOf(id)) as TExpectedState });
const pdfText = (pdf: Uint8Array) => execFileSync("pdftotext", ["-raw", "-", "-"], { input: Buffer.from(pdf) }).toString("utf8").replace(/\s+/g, " ");

/** Atyrau scrap-metal licence, registered, assigned, reviewed: both checks passed (or completeness failed). */
async function reviewed(completeness: boolean) {
  const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(0) });
  await registerApplication(t.db, ctx(clerk, 5), await target(app.id));
  await assignApplication(t.db, { ...ctx(head, 10) }, { ...(await target(app.id)), assigneeId: executor.userId });
  await startReview(t.db, ctx(executor, 20), await target(app.id));
  if (!completeness) {
    const slot = (await getOfficerApplication(t.db, executor, app.id, { now: at(21) })).checklists[0]!.items[0]!.key;
    await recordCheck(t.db, ctx(executor, 30), { ...(await target(app.id)), check: "completeness", passed: false, items: [{ key: slot, passed: false, note: "Құжат жоқ" }] });
    return app.id;
  }
  await recordCheck(t.db, ctx(executor, 30), { ...(await target(app.id)), check: "completeness", passed: true, items: [] });
  const list = checklistFor({ ...(await rowOf(app.id)), subject: { kind: "LEGAL_ENTITY" } }, "qualification");
  await recordCheck(t.db, ctx(executor, 40), { ...(await target(app.id)), check: "qualification", passed: true, items: list.items.map((i) => ({ key: i.key, passed: true })) });
  return app.id;
}

describe("the head's review at the sign step", () => {
  it("head previews the draft licence PDF, returns it with a comment; the executor sees it, re-drafts, and the head signs", async () => {
    const id = await reviewed(true);
    await draftDecision(t.db, ctx(executor, 50), { ...(await target(id)), decision: { kind: "licence", subtypes: ["ferrous-collection", "ferrous-storage"] } });

    const ws = await getOfficerApplication(t.db, head, id, { now: at(51) });
    expect(ws.commands).toEqual(["sign_decision", "return_for_revision"]);
    expect(ws.preview).toEqual({ kind: "licence" });

    // The real licence renderer, marked as a draft, unsigned; reading it takes no number and stores nothing.
    const licencesBefore = await t.db.licence.count();
    const preview = await getDecisionPreviewPdf(t.db, head, id, { now: at(52) });
    expect(Buffer.from(preview.pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(preview.fileName).toMatch(/^draft-licence-[A-Za-z0-9_-]+\.pdf$/);
    const text = pdfText(preview.pdf);
    expect(text).toContain("ЖОБА / ПРОЕКТ");
    expect(text).toContain("Не подписан, не выдан");
    expect(text).toContain((await t.db.subject.findUniqueOrThrow({ where: { id: (await rowOf(id)).subjectId } })).name);
    expect(text).toContain("Без подписи уполномоченного лица");
    expect(text).not.toContain("/verify/"); // nothing to verify yet: no QR code, no address
    expect(await t.db.licenceSigning.count({ where: { applicationId: id } })).toBe(0);
    expect(await t.db.licence.count()).toBe(licencesBefore);
    // Staff of the organisation only; another organisation's head and the applicant do not get it.
    await expect(getDecisionPreviewPdf(t.db, executor, id, { now: at(52) })).resolves.toMatchObject({ fileName: preview.fileName });
    await expect(getDecisionPreviewPdf(t.db, stranger, id, { now: at(52) })).rejects.toThrow("errors.not_found");
    await expect(getDecisionPreviewPdf(t.db, applicant, id, { now: at(52) })).rejects.toThrow("auth.forbidden");

    // Only the sign step's role returns it.
    await expect(returnForRevision(t.db, ctx(executor, 54), { ...(await target(id)), comment: COMMENT })).rejects.toThrow("workflow.wrong_role");
    const before = await rowOf(id);
    const outcome = await returnForRevision(t.db, ctx(head, 55), ZReturnForRevisionInput.parse({ ...(await target(id)), comment: `  ${COMMENT}  ` }));
    expect(outcome).toMatchObject({ status: "IN_PROGRESS", stepKey: "check_qualification", version: before.version + 1 });

    const row = await rowOf(id);
    expect(row).toMatchObject({ stepKey: "check_qualification", stepRole: "EXECUTOR", assigneeId: executor.userId, decision: null, stepStartedAt: at(55) });
    expect(row.stepDueAt!.getTime()).toBeGreaterThan(at(55).getTime());
    const steps = await t.db.applicationStep.findMany({ where: { applicationId: id }, orderBy: { seq: "asc" } });
    expect(steps.map((s) => [s.stepKey, s.outcome])).toEqual([
      ["register", "registered"],
      ["assign_executor", "assigned"],
      ["check_completeness", "checked"],
      ["check_qualification", "draft_licence"],
      ["sign", "returned"],
      ["check_qualification", null],
    ]);
    expect(steps[4]).toMatchObject({ completedById: head.userId, completedAt: at(55) });
    expect(steps[5]).toMatchObject({ assigneeId: executor.userId, startedAt: at(55), dueAt: row.stepDueAt });

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { applicationId: id, type: "application.returned_for_revision" } });
    expect(audit).toMatchObject({ actorId: head.userId, entityType: "application", entityId: id });
    expect(audit.data).toMatchObject({ comment: COMMENT, kind: "licence", toStepKey: "check_qualification", from: { stepKey: "sign" }, to: { stepKey: "check_qualification" } });
    expect(await t.db.notification.count({ where: { userId: executor.userId, applicationId: id, createdAt: at(55) } })).toBe(1);

    // The executor's page: the comment, who returned it, and the drafting actions again.
    const mine = await getOfficerApplication(t.db, executor, id, { now: at(56) });
    expect(mine.commands).toEqual(["record_check", "draft_decision"]);
    expect(mine.preview).toBeNull();
    expect(mine.state.workflowData.returns).toEqual([
      expect.objectContaining({ comment: COMMENT, byUserId: head.userId, fromStepKey: "sign", toStepKey: "check_qualification", decision: expect.objectContaining({ kind: "licence", subtypes: ["ferrous-collection", "ferrous-storage"] }) }),
    ]);
    expect(mine.people[head.userId]).toBe(head.name);
    expect(mine.audit.map((a) => a.type)).toContain("application.returned_for_revision");
    expect((await getOfficerApplication(t.db, head, id, { now: at(56) })).commands).toEqual([]);
    await expect(getDecisionPreviewPdf(t.db, head, id, { now: at(56) })).rejects.toThrow("errors.not_found");

    // Re-drafted, previewed again, signed: the licence carries the revised sub-types; the return stays on record.
    await draftDecision(t.db, ctx(executor, 60), { ...(await target(id)), decision: { kind: "licence", subtypes: ["ferrous-collection"] } });
    expect((await getOfficerApplication(t.db, head, id, { now: at(61) })).preview).toEqual({ kind: "licence" });
    const { cmsBase64, document } = await eds.signLicence(ctx(head, 65), id, at(65));
    await signDecision(t.db, ctx(head, 65), { ...(await target(id)), cmsBase64, document });
    expect(await t.db.licence.findFirstOrThrow({ where: { applicationId: id } })).toMatchObject({ subtypes: ["ferrous-collection"] });
    const final = await getOfficerApplication(t.db, clerk, id, { now: at(66) });
    expect(final.state.workflowData.returns).toHaveLength(1);
    expect(final.app.steps.map((s) => s.stepKey)).toEqual(["register", "assign_executor", "check_completeness", "check_qualification", "sign", "check_qualification", "sign", "hand_over"]);
  });

  it("a refusal is previewed as text (no PDF) and goes back to the step that drafted it", async () => {
    const id = await reviewed(false);
    await draftDecision(t.db, ctx(executor, 40), { ...(await target(id)), decision: { kind: "refusal", grounds: ["incomplete_package"], reason: "Құжаттар толық емес" } });
    const ws = await getOfficerApplication(t.db, head, id, { now: at(41) });
    expect(ws.preview).toEqual({ kind: "refusal" });
    expect(ws.state.decision).toMatchObject({ kind: "refusal", grounds: ["incomplete_package"], reason: "Құжаттар толық емес" });
    await expect(getDecisionPreviewPdf(t.db, head, id, { now: at(41) })).rejects.toThrow("errors.not_found");
    await returnForRevision(t.db, ctx(head, 45), { ...(await target(id)), comment: "Name the missing document." });
    expect(await rowOf(id)).toMatchObject({ stepKey: "check_completeness", assigneeId: executor.userId, decision: null });
  });

  it("the comment is validated at the boundary with the field's own message", () => {
    const base = { applicationId: crypto.randomUUID(), expected: { version: 3, status: "IN_PROGRESS", stepKey: "sign" } };
    const messageOf = (comment: unknown) => {
      const r = ZReturnForRevisionInput.safeParse({ ...base, comment });
      return r.success ? null : r.error.issues.find((i) => i.path[0] === "comment")?.message;
    };
    expect(messageOf(undefined)).toBe("officer.errors.comment_required");
    expect(messageOf("   ")).toBe("officer.errors.comment_required");
    expect(messageOf("ab")).toBe("officer.errors.comment_too_short");
    expect(messageOf("x".repeat(2001))).toBe("officer.errors.comment_too_long");
    expect(messageOf("fix\u0000this")).toBe("officer.errors.comment_invalid");
    expect(messageOf("abc")).toBeNull();
    expect(messageOf("x".repeat(2000))).toBeNull();
  });
});
