import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { assignApplication, draftDecision, registerApplication, signDecision, startReview, type TExpectedState } from "@/lib/cases/officer-actions";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createSubject, createUser } from "../../factories";
import { expectedOf, headSigning, submittedApplication } from "./helpers";

// The decision signature is recorded inside the command's transaction (issue 17): when the
// workflow refuses the command after a valid signature, no signature row is left behind.

let t: TestDb;
let atyrau: string;
let applicant: UserActor, clerk: UserActor, head: UserActor, deputy: UserActor, executor: UserActor;

const t0 = new Date("2026-11-30T05:00:00Z"); // Monday 10:00 Almaty
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const ctx = (actor: UserActor, minutes: number) => ({ actor, now: at(minutes) });
const expectedNow = async (id: string) => expectedOf(await t.db.application.findUniqueOrThrow({ where: { id } })) as TExpectedState;

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  atyrau = (await t.db.organisation.findUniqueOrThrow({ where: { code: "atyrau" } })).id;
  applicant = (await createUser(t.db, "APPLICANT", { subjectId: (await createSubject(t.db)).id })).actor;
  clerk = (await createUser(t.db, "OFFICE_CLERK", { organisationId: atyrau })).actor;
  const h = await createUser(t.db, "HEAD", { organisationId: atyrau });
  head = h.actor;
  // A deputy head with the signing right: allowed to sign decisions in general, but the Atyrau
  // regulation gives the signing step to the head [000 L142-145].
  const d = await createUser(t.db, "DEPUTY_HEAD", { organisationId: atyrau });
  await t.db.user.update({ where: { id: d.user.id }, data: { canSign: true } });
  deputy = { ...d.actor, canSign: true };
  executor = (await createUser(t.db, "EXECUTOR", { organisationId: atyrau })).actor;
}, 120_000);
afterAll(async () => {
  await t.drop();
});

describe("signDecision", () => {
  it("a valid signature whose command the workflow refuses leaves no signature row and no verified audit", { timeout: 180_000 }, async () => {
    const deputyEds = await headSigning(t.db, { head: deputy, organisationCode: "atyrau", iin: "720810300013" });
    const app = await submittedApplication(t.db, { organisationId: atyrau, applicant, now: at(0) });
    await registerApplication(t.db, ctx(clerk, 5), { applicationId: app.id, expected: await expectedNow(app.id) });
    await assignApplication(t.db, ctx(head, 10), { applicationId: app.id, expected: await expectedNow(app.id), assigneeId: executor.userId });
    await startReview(t.db, ctx(executor, 20), { applicationId: app.id, expected: await expectedNow(app.id) });
    await draftDecision(t.db, ctx(executor, 21), { applicationId: app.id, expected: await expectedNow(app.id), decision: { kind: "refusal", grounds: ["prohibited_by_law"], reason: "Заң тыйым салады" } });
    const before = await expectedNow(app.id);

    await expect(signDecision(t.db, ctx(deputy, 22), { applicationId: app.id, expected: before, cmsBase64: await deputyEds.sign(app.id, at(22)) })).rejects.toThrow("workflow.wrong_role");

    expect(await t.db.signature.count({ where: { OR: [{ applicationId: app.id }, { createdById: deputy.userId }], purpose: "DECISION" } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { applicationId: app.id, type: "signature.verified" } })).toBe(0);
    expect(await expectedNow(app.id)).toEqual(before);
  });
});
