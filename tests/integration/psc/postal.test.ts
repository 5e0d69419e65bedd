import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { attachDocument, type FileStorage } from "@/lib/cases/documents";
import { getWalkInReceipt, recordPaperPackage, recordWalkInReceipt, registerWalkIn, startInputFromForm, startWalkIn, ZStartWalkInForm } from "@/lib/cases/intake";
import { getOfficerApplication } from "@/lib/cases/officer-actions";
import { fileComplaint } from "@/lib/oversight/complaints";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser } from "../../factories";
import { pdfBytes, tempStorage } from "../../factories/documents";
import { intakeStaff, registryEntity, SCRAP_FORM, SCRAP_PAPER } from "../../factories/intake";

let t: TestDb;
let storage: FileStorage;
let cleanup: () => Promise<void>;
let clerk: UserActor;

// Wednesday 2 December 2026, 11:00 in Aktobe; the letter arrived on Monday 30 November.
const t0 = new Date("2026-12-02T06:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  ({ clerk } = await intakeStaff(t.db, "aktobe"));
  ({ storage, cleanup } = await tempStorage());
});
afterAll(async () => {
  await cleanup();
  await t.drop();
});

describe("applications received by post [004 L2616-2619, L7855-7858]", () => {
  it("the office clerk registers a letter: channel POST, the term starts on the day of receipt, answers by post", async () => {
    const entity = await registryEntity(t.db);
    const form = ZStartWalkInForm.parse({ applicantKind: "LEGAL_ENTITY", identifier: entity.bin, serviceCode: "scrap-metal-licence", variant: "issue", receivedByPost: "on", receivedOn: "2026-11-30", replyByPost: "on" });
    const { applicationId: id } = await startWalkIn(t.db, { ...startInputFromForm(form), actor: clerk, now: at(0) });
    expect(await t.db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ channel: "POST", replyByPost: true, receivedByPostOn: new Date("2026-11-30T00:00:00Z") });

    await recordPaperPackage(t.db, { actor: clerk, applicationId: id, present: SCRAP_PAPER, formData: SCRAP_FORM, now: at(5) });
    for (const slotKey of SCRAP_PAPER) await attachDocument(t.db, storage, { actor: clerk, applicationId: id, slotKey, fileName: `${slotKey}.pdf`, bytes: pdfBytes(slotKey), now: at(6) });
    await recordWalkInReceipt(t.db, { actor: clerk, applicationId: id, receiptNumber: "П-1", amountKzt: 43_250, paidOn: "2026-11-27", now: at(7) });
    const done = await registerWalkIn(t.db, { actor: clerk, applicationId: id, now: at(10) });
    expect(done.registrationNumber).toMatch(/^EL-2026-/);

    const row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("IN_PROGRESS");
    // The term runs from Mon 30 Nov (the day of receipt), not from the registration two days later.
    const counter = await startWalkInCounterDue();
    expect(row.dueAt!.getTime()).toBeLessThan(counter.getTime());
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { applicationId: id, type: "intake.postal_registered" } })).data).toMatchObject({ channel: "POST", termStartsAt: "2026-11-29T19:00:00.000Z" });
    expect((await getWalkInReceipt(t.db, { actor: clerk, applicationId: id })).registrationNumber).toBe(done.registrationNumber);

    const seen = await getOfficerApplication(t.db, clerk, id, { now: at(11) });
    expect(seen.paperChannel).toMatchObject({ receivedByPostOn: "2026-11-30", replyByPost: true, psc: null });

    // A complaint about it is answered by post unless the applicant picks another channel [004 L395-396].
    const applicant = (await createUser(t.db, "APPLICANT", { subjectId: row.subjectId })).actor;
    const c = await fileComplaint(t.db, {
      actor: applicant,
      input: { kind: "IMPROPER_SERVICE", applicationId: id, addressee: "Басшы", fullName: "Тестов Тест", postalAddress: "Ақтөбе қ., 1", body: "Ұзақ", demands: "Жылдамдату" },
      now: at(20),
    });
    expect((await t.db.complaint.findUniqueOrThrow({ where: { id: c.id } })).answerChannel).toBe("post");
  });

  it("refuses a date of receipt in the future and services the standard does not accept by post", async () => {
    const entity = await registryEntity(t.db);
    const base = { actor: clerk, applicant: { kind: "LEGAL_ENTITY" as const, bin: entity.bin }, variant: "issue" as const, now: at(0) };
    await expect(startWalkIn(t.db, { ...base, serviceCode: "scrap-metal-licence", post: { receivedOn: "2026-12-03", replyByPost: false } })).rejects.toMatchObject({ code: "intake.received_in_future" });
    const committee = await intakeStaff(t.db, "committee");
    await expect(
      startWalkIn(t.db, { ...base, actor: committee.clerk, serviceCode: "processing-outside-rk-permit", post: { receivedOn: "2026-12-01", replyByPost: false } }),
    ).rejects.toMatchObject({ code: "intake.post_not_allowed" });
  });
});

/** The due instant of the same application registered at the counter at `at(10)` (term from the registration). */
async function startWalkInCounterDue(): Promise<Date> {
  const entity = await registryEntity(t.db);
  const { applicationId: id } = await startWalkIn(t.db, { actor: clerk, serviceCode: "scrap-metal-licence", variant: "issue", applicant: { kind: "LEGAL_ENTITY", bin: entity.bin }, now: at(0) });
  await recordPaperPackage(t.db, { actor: clerk, applicationId: id, present: SCRAP_PAPER, formData: SCRAP_FORM, now: at(5) });
  for (const slotKey of SCRAP_PAPER) await attachDocument(t.db, storage, { actor: clerk, applicationId: id, slotKey, fileName: `${slotKey}.pdf`, bytes: pdfBytes(slotKey), now: at(6) });
  await recordWalkInReceipt(t.db, { actor: clerk, applicationId: id, receiptNumber: "П-2", amountKzt: 43_250, paidOn: "2026-11-27", now: at(7) });
  await registerWalkIn(t.db, { actor: clerk, applicationId: id, now: at(10) });
  return (await t.db.application.findUniqueOrThrow({ where: { id } })).dueAt!;
}
