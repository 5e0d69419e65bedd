import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import {
  assignApplication,
  checklistFor,
  draftDecision,
  getOfficerApplication,
  handOver,
  recordCheck,
  registerApplication,
  signDecision,
  startReview,
  ZHandOverInput,
  type TExpectedState,
} from "@/lib/cases/officer-actions";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createSubject, createUser } from "../../factories";
import { expectedOf, headSigning, submittedApplication } from "./helpers";

let t: TestDb;
let atyrau: string, aktobe: string;
let applicant: UserActor, clerk: UserActor, head: UserActor, executor: UserActor, executor2: UserActor, stranger: UserActor;
let eds: Awaited<ReturnType<typeof headSigning>>;

// Monday 30 November 2026, 10:00 Almaty.
const t0 = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  atyrau = (await t.db.organisation.findUniqueOrThrow({ where: { code: "atyrau" } })).id;
  aktobe = (await t.db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } })).id;
  const subject = await createSubject(t.db);
  applicant = (await createUser(t.db, "APPLICANT", { subjectId: subject.id })).actor;
  clerk = (await createUser(t.db, "OFFICE_CLERK", { organisationId: atyrau })).actor;
  const h = await createUser(t.db, "HEAD", { organisationId: atyrau });
  await t.db.user.update({ where: { id: h.user.id }, data: { canSign: true } });
  head = { ...h.actor, canSign: true };
  executor = (await createUser(t.db, "EXECUTOR", { organisationId: atyrau })).actor;
  executor2 = (await createUser(t.db, "EXECUTOR", { organisationId: atyrau })).actor;
  stranger = (await createUser(t.db, "OFFICE_CLERK", { organisationId: aktobe })).actor;
  eds = await headSigning(t.db, { head, organisationCode: "atyrau", iin: "720810300013" });
}, 120_000);
afterAll(async () => {
  await t.drop();
});

const ctx = (actor: UserActor, minutes: number) => ({ actor, now: at(minutes) });
const rowOf = (id: string) => t.db.application.findUniqueOrThrow({ where: { id } });
const expectedNow = async (id: string): Promise<TExpectedState> => expectedOf(await rowOf(id)) as TExpectedState;
const commandsOf = async (actor: UserActor, id: string, minutes: number) => (await getOfficerApplication(t.db, actor, id, { now: at(minutes) })).commands;

/** Up to the executor's completeness step of the Atyrau regulation. */
async function assignedToExecutor(who = executor) {
  const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(0) });
  await registerApplication(t.db, ctx(clerk, 5), { applicationId: app.id, expected: await expectedNow(app.id) });
  await assignApplication(t.db, ctx(head, 10), { applicationId: app.id, expected: await expectedNow(app.id), assigneeId: who.userId });
  return app.id;
}

describe("officer actions through the use cases (Atyrau scrap-metal licence)", () => {
  it("clerk registers → head assigns → executor checks and drafts a licence → head signs → clerk hands over on paper", async () => {
    const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(0) });
    expect(await commandsOf(clerk, app.id, 1)).toEqual(["register"]);
    expect(await commandsOf(head, app.id, 1)).toEqual([]);
    expect(await commandsOf(executor, app.id, 1)).toEqual([]);

    await registerApplication(t.db, ctx(clerk, 5), { applicationId: app.id, expected: expectedOf(app) as TExpectedState });
    const ws = await getOfficerApplication(t.db, head, app.id, { now: at(6) });
    expect(ws.commands).toEqual(["assign"]);
    expect(ws.nextStep?.role).toBe("EXECUTOR");
    expect(ws.candidates.map((c) => c.id).sort()).toEqual([executor.userId, executor2.userId].sort());
    expect(ws.app.regulationVersion).toMatchObject({ regulationId: "atyrau-2014-scrap", version: 1 });
    expect(ws.registry).toEqual({ status: "not_found" }); // a BIN the registry sandbox does not know

    await assignApplication(t.db, ctx(head, 10), { applicationId: app.id, expected: await expectedNow(app.id), assigneeId: executor.userId });
    expect(await commandsOf(executor, app.id, 11)).toEqual(["start_review"]);
    expect(await commandsOf(executor2, app.id, 11)).toEqual([]);

    await startReview(t.db, ctx(executor, 20), { applicationId: app.id, expected: await expectedNow(app.id) });
    const w2 = await getOfficerApplication(t.db, executor, app.id, { now: at(21) });
    expect(w2.commands).toEqual(["record_check", "draft_decision"]);
    expect(w2.checklists.map((c) => c.check)).toEqual(["completeness"]);
    expect(w2.decisionOptions).toMatchObject({ licence: false, refusal: true });

    await recordCheck(t.db, ctx(executor, 30), { applicationId: app.id, expected: await expectedNow(app.id), check: "completeness", passed: true, items: [] });
    const afterCompleteness = await rowOf(app.id);
    expect(afterCompleteness.stepKey).toBe("check_qualification");
    expect(afterCompleteness.assigneeId).toBe(executor.userId);

    const list = checklistFor({ ...afterCompleteness, subject: { kind: "LEGAL_ENTITY" } }, "qualification");
    expect(list.items.length).toBeGreaterThan(3);
    expect(list.items.map((i) => i.key)).not.toContain("land_nonferrous_400"); // only the requirements of the sub-types applied for
    const items = list.items.map((i) => ({ key: i.key, passed: true, note: "Акт тексеру" }));
    await recordCheck(t.db, ctx(executor, 40), { applicationId: app.id, expected: await expectedNow(app.id), check: "qualification", passed: true, items });
    await draftDecision(t.db, ctx(executor, 50), { applicationId: app.id, expected: await expectedNow(app.id), decision: { kind: "licence", subtypes: ["ferrous-collection", "ferrous-storage"] } });
    const w3 = await getOfficerApplication(t.db, head, app.id, { now: at(51) });
    expect(w3.commands).toEqual(["sign_decision", "return_for_revision"]);
    expect(Buffer.from(w3.decisionContentBase64!, "base64").toString()).toContain('"kind":"licence"');

    const { cmsBase64, document } = await eds.signLicence(ctx(head, 60), app.id, at(60));
    const signed = await signDecision(t.db, ctx(head, 60), { applicationId: app.id, expected: await expectedNow(app.id), cmsBase64, document });
    expect(await t.db.signature.findUniqueOrThrow({ where: { id: signed.signatureId } })).toMatchObject({ purpose: "DECISION", applicationId: app.id, status: "valid", signerIin: "720810300013", createdById: head.userId });
    // The licence issued by the signing transition carries that signature.
    expect(await t.db.licence.findFirstOrThrow({ where: { applicationId: app.id } })).toMatchObject({ signatureId: signed.signatureId, subtypes: ["ferrous-collection", "ferrous-storage"] });
    expect(await commandsOf(clerk, app.id, 61)).toEqual(["hand_over"]);
    const done = await handOver(t.db, ctx(clerk, 70), ZHandOverInput.parse({ applicationId: app.id, expected: await expectedNow(app.id), mode: "paper", recipientName: "Жаңабергенов Арман" }));
    expect(done.status).toBe("ISSUED");
    const final = await getOfficerApplication(t.db, clerk, app.id, { now: at(71) });
    expect(final.commands).toEqual([]);
    expect(final.state.workflowData.handOver).toMatchObject({ mode: "paper", recipientName: "Жаңабергенов Арман", byUserId: clerk.userId });
    expect(final.audit.map((a) => a.type)).toEqual(
      expect.arrayContaining(["application.registered", "application.assigned", "application.check_recorded", "application.decision_drafted", "application.decision_signed", "application.handed_over"]),
    );
    expect(final.app.steps.map((s) => s.stepKey)).toEqual(["register", "assign_executor", "check_completeness", "check_qualification", "sign", "hand_over"]);
    expect(final.people[executor.userId]).toBe(executor.name);
  });

  it("a refusal: incomplete package with the missing documents, refusal on the completeness ground, electronic hand-over", async () => {
    const id = await assignedToExecutor();
    await startReview(t.db, ctx(executor, 20), { applicationId: id, expected: await expectedNow(id) });
    const ws = await getOfficerApplication(t.db, executor, id, { now: at(21) });
    const slot = ws.checklists[0]!.items[0]!.key;
    await recordCheck(t.db, ctx(executor, 30), { applicationId: id, expected: await expectedNow(id), check: "completeness", passed: false, items: [{ key: slot, passed: false, note: "Құжат жоқ" }] });
    const w2 = await getOfficerApplication(t.db, executor, id, { now: at(31) });
    expect(w2.decisionOptions!.grounds[0]!.code).toBe("incomplete_package");
    await draftDecision(t.db, ctx(executor, 40), { applicationId: id, expected: await expectedNow(id), decision: { kind: "refusal", grounds: ["incomplete_package"], reason: "Құжаттар толық емес" } });
    await signDecision(t.db, ctx(head, 50), { applicationId: id, expected: await expectedNow(id), cmsBase64: await eds.sign(id, at(50)) });
    const done = await handOver(t.db, ctx(clerk, 60), ZHandOverInput.parse({ applicationId: id, expected: await expectedNow(id), mode: "electronic" }));
    expect(done.status).toBe("REFUSED");
  });
});

describe("server-side checks of the officer actions", () => {
  it("wrong role, not the assignee, another organisation", async () => {
    const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(0) });
    await expect(registerApplication(t.db, ctx(executor, 1), { applicationId: app.id, expected: expectedOf(app) as TExpectedState })).rejects.toThrow("workflow.wrong_role");
    await expect(registerApplication(t.db, ctx(stranger, 1), { applicationId: app.id, expected: expectedOf(app) as TExpectedState })).rejects.toThrow("errors.not_found");
    await expect(getOfficerApplication(t.db, stranger, app.id, { now: at(1) })).rejects.toThrow("errors.not_found");

    const id = await assignedToExecutor();
    await expect(startReview(t.db, ctx(executor2, 20), { applicationId: id, expected: await expectedNow(id) })).rejects.toThrow("workflow.not_assignee");
    await expect(startReview(t.db, ctx(head, 20), { applicationId: id, expected: await expectedNow(id) })).rejects.toThrow("workflow.wrong_role");
  });

  it("a stale page: the engine refuses with workflow.stale_state and nothing is written", async () => {
    const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(0) });
    const rendered = expectedOf(app) as TExpectedState;
    await registerApplication(t.db, ctx(clerk, 5), { applicationId: app.id, expected: rendered });
    const before = await rowOf(app.id);
    const audits = await t.db.auditEvent.count({ where: { applicationId: app.id } });
    // A second clerk's page was rendered before the registration.
    await expect(registerApplication(t.db, ctx(clerk, 6), { applicationId: app.id, expected: rendered })).rejects.toThrow("workflow.stale_state");
    // The head's page with an old version but the right step.
    await expect(assignApplication(t.db, ctx(head, 7), { applicationId: app.id, expected: { ...(await expectedNow(app.id)), version: before.version - 1 }, assigneeId: executor.userId })).rejects.toThrow("workflow.stale_state");
    expect((await rowOf(app.id)).version).toBe(before.version);
    expect(await t.db.auditEvent.count({ where: { applicationId: app.id } })).toBe(audits);
  });

  it("assign: an officer of another organisation or of the wrong role is refused", async () => {
    const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(0) });
    await registerApplication(t.db, ctx(clerk, 5), { applicationId: app.id, expected: expectedOf(app) as TExpectedState });
    const foreign = (await createUser(t.db, "EXECUTOR", { organisationId: aktobe })).actor;
    await expect(assignApplication(t.db, ctx(head, 6), { applicationId: app.id, expected: await expectedNow(app.id), assigneeId: foreign.userId })).rejects.toThrow("workflow.invalid_assignee");
    await expect(assignApplication(t.db, ctx(head, 6), { applicationId: app.id, expected: await expectedNow(app.id), assigneeId: clerk.userId })).rejects.toThrow("workflow.invalid_assignee_role");
    await t.db.user.update({ where: { id: executor2.userId }, data: { active: false } });
    await expect(assignApplication(t.db, ctx(head, 6), { applicationId: app.id, expected: await expectedNow(app.id), assigneeId: executor2.userId })).rejects.toThrow("workflow.invalid_assignee");
    await t.db.user.update({ where: { id: executor2.userId }, data: { active: true } });
  });

  it("check results are checked against the catalogue's checklist", async () => {
    const id = await assignedToExecutor();
    await startReview(t.db, ctx(executor, 20), { applicationId: id, expected: await expectedNow(id) });
    const e = async () => ({ applicationId: id, expected: await expectedNow(id) });
    await expect(recordCheck(t.db, ctx(executor, 21), { ...(await e()), check: "completeness", passed: false, items: [] })).rejects.toThrow("officer.errors.incomplete_needs_items");
    await expect(recordCheck(t.db, ctx(executor, 21), { ...(await e()), check: "completeness", passed: false, items: [{ key: "no_such_slot", passed: false, note: "x" }] })).rejects.toThrow("officer.errors.unknown_item");
    await recordCheck(t.db, ctx(executor, 22), { ...(await e()), check: "completeness", passed: true, items: [] });
    const row = await rowOf(id);
    const list = checklistFor({ ...row, subject: { kind: "LEGAL_ENTITY" } }, "qualification");
    const all = list.items.map((i) => ({ key: i.key, passed: true }));
    await expect(recordCheck(t.db, ctx(executor, 23), { ...(await e()), check: "qualification", passed: true, items: all.slice(1) })).rejects.toThrow("officer.errors.checklist_incomplete");
    await expect(recordCheck(t.db, ctx(executor, 23), { ...(await e()), check: "qualification", passed: false, items: all })).rejects.toThrow("officer.errors.check_inconsistent");
    const oneFails = all.map((i, n) => (n === 0 ? { ...i, passed: false } : i));
    await expect(recordCheck(t.db, ctx(executor, 23), { ...(await e()), check: "qualification", passed: false, items: oneFails })).rejects.toThrow("officer.errors.note_required");
    // The licence cannot be drafted for a sub-type outside the catalogue, nor before the checks pass.
    await expect(draftDecision(t.db, ctx(executor, 24), { ...(await e()), decision: { kind: "licence", subtypes: ["ferrous_collection"] } })).rejects.toThrow("officer.errors.unknown_subtype");
    await expect(draftDecision(t.db, ctx(executor, 24), { ...(await e()), decision: { kind: "licence", subtypes: ["ferrous-collection"] } })).rejects.toThrow("workflow.checks_required");
    await expect(draftDecision(t.db, ctx(executor, 24), { ...(await e()), decision: { kind: "refusal", grounds: ["no_such_ground"], reason: "x" } })).rejects.toThrow("workflow.unknown_ground");
  });

  it("signing needs the signing right and a valid EDS over the current decision; paper hand-over needs the recipient's name", async () => {
    const id = await assignedToExecutor();
    await startReview(t.db, ctx(executor, 20), { applicationId: id, expected: await expectedNow(id) });
    await draftDecision(t.db, ctx(executor, 21), { applicationId: id, expected: await expectedNow(id), decision: { kind: "refusal", grounds: ["prohibited_by_law"], reason: "Заң тыйым салады" } });
    const head2 = (await createUser(t.db, "HEAD", { organisationId: atyrau })).actor; // canSign false
    await expect(signDecision(t.db, ctx(head2, 22), { applicationId: id, expected: await expectedNow(id), cmsBase64: await eds.sign(id, at(22)) })).rejects.toThrow("workflow.no_signing_right");
    // A signature over other bytes (a decision that changed since the page was rendered) is refused and audited; nothing is signed.
    const other = new TextEncoder().encode("another decision");
    await expect(signDecision(t.db, ctx(head, 23), { applicationId: id, expected: await expectedNow(id), cmsBase64: await eds.sign(id, at(23), other) })).rejects.toThrow("pki.detail.content_mismatch");
    expect((await rowOf(id)).stepKey).toBe("sign");
    expect(await t.db.auditEvent.count({ where: { applicationId: id, type: "signature.rejected" } })).toBe(1);
    // A page rendered before the decision was drafted: stale, nothing recorded.
    await expect(signDecision(t.db, ctx(head, 23), { applicationId: id, expected: { ...(await expectedNow(id)), version: 1 }, cmsBase64: await eds.sign(id, at(23)) })).rejects.toThrow("workflow.stale_state");
    expect(await t.db.signature.count({ where: { applicationId: id, purpose: "DECISION" } })).toBe(0);
    await signDecision(t.db, ctx(head, 24), { applicationId: id, expected: await expectedNow(id), cmsBase64: await eds.sign(id, at(24)) });
    const parsed = ZHandOverInput.safeParse({ applicationId: id, expected: await expectedNow(id), mode: "paper", recipientName: "  " });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["recipientName"], message: "workflow.recipient_required" });
  });
});
