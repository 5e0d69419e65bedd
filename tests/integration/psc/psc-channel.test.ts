import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor, type UserActor } from "@/lib/platform/auth";
import { attachDocument, type FileStorage } from "@/lib/cases/documents";
import { currentScanList, getWalkIn, recordPaperPackage, registerWalkIn, scanListBytes, signPackageScans, startWalkIn } from "@/lib/cases/intake";
import { assignApplication, draftDecision, getOfficerApplication, handOver, recordCheck, registerApplication, signDecision, startReview, ZHandOverInput } from "@/lib/cases/officer-actions";
import { handOverAtPsc, listPscQueue, returnToProvider } from "@/lib/cases/psc";
import { acceptComplaintAtPsc, pscComplaintReceiptPdf } from "@/lib/oversight/complaints";
import { DEMO_ORGANISATION_BINS, issueCertificatePair } from "@/lib/trust/certificates";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser } from "../../factories";
import { pdfBytes, tempStorage } from "../../factories/documents";
import { registryEntity } from "../../factories/intake";
import { keyPool, legalEntityRequest, signWith } from "../pki/helpers";
import { expectedOf, headSigning } from "../worklist/helpers";

let t: TestDb;
let storage: FileStorage;
let cleanup: () => Promise<void>;
let operator: UserActor, pscHead: UserActor, otherOperator: UserActor;
let clerk: UserActor, head: UserActor, executor: UserActor;
let operatorP12: Uint8Array;
let eds: Awaited<ReturnType<typeof headSigning>>;
let committeeId: string, pscId: string;

// Monday 30 November 2026, 19:00 in Astana (UTC+5): the PSC is open until 20:00.
const t0 = new Date("2026-11-30T14:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const SERVICE = "processing-outside-rk-permit";
const FORM = { activitySubtypes: ["processing-outside-rk"], activityAddress: "Астана қ., Республика даңғылы, 1", contactPhone: "+7 701 000 00 00", contactEmail: "office@example.kz" };
const PAPER = ["application", "state_registration", "tax_registration_certificate", "processing_contract", "information_form"];

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  const psc = await t.db.organisation.findUniqueOrThrow({ where: { code: "psc-astana" } });
  const committee = await t.db.organisation.findUniqueOrThrow({ where: { code: "committee" } });
  pscId = psc.id;
  committeeId = committee.id;
  operator = (await createUser(t.db, "PSC_OPERATOR", { organisationId: psc.id })).actor;
  pscHead = (await createUser(t.db, "PSC_HEAD", { organisationId: psc.id })).actor;
  otherOperator = (await createUser(t.db, "PSC_OPERATOR", { organisationId: (await t.db.organisation.findUniqueOrThrow({ where: { code: "psc-aktobe" } })).id })).actor;
  clerk = (await createUser(t.db, "OFFICE_CLERK", { organisationId: committee.id })).actor;
  const headUser = await createUser(t.db, "HEAD", { organisationId: committee.id });
  await t.db.user.update({ where: { id: headUser.actor.userId }, data: { canSign: true } });
  head = { ...headUser.actor, canSign: true };
  executor = (await createUser(t.db, "EXECUTOR", { organisationId: committee.id })).actor;
  eds = await headSigning(t.db, { head, organisationCode: "committee", iin: "680321300015" });
  // The operator's EDS: an employee's key of the centre's BIN (no signing right needed to certify copies).
  await t.db.user.update({ where: { id: operator.userId }, data: { iin: "910315400019" } });
  const pair = await issueCertificatePair(t.db, {
    request: legalEntityRequest({ iin: "910315400019", bin: DEMO_ORGANISATION_BINS["psc-astana"]!, role: "employee" }),
    userId: operator.userId,
    actor: systemActor("test"),
    now: new Date("2026-11-30T05:00:00Z"),
    keepPkcs12: true,
    crlUrl: "http://portal.test/api/pki/crl",
    keyGenerator: keyPool(3, 0),
  });
  operatorP12 = pair.signing.pkcs12!;
  ({ storage, cleanup } = await tempStorage());
});
afterAll(async () => {
  await cleanup();
  await t.drop();
});

async function acceptPackage() {
  const entity = await registryEntity(t.db);
  const { applicationId } = await startWalkIn(t.db, { actor: operator, serviceCode: SERVICE, variant: "issue", applicant: { kind: "LEGAL_ENTITY", bin: entity.bin }, now: at(0) });
  await recordPaperPackage(t.db, { actor: operator, applicationId, present: PAPER, formData: FORM, now: at(5) });
  for (const slotKey of PAPER) await attachDocument(t.db, storage, { actor: operator, applicationId, slotKey, fileName: `${slotKey}.pdf`, bytes: pdfBytes(slotKey), now: at(10) });
  return { entity, applicationId };
}

async function signScans(applicationId: string, when: Date) {
  const scans = await t.db.document.findMany({ where: { applicationId, deletedAt: null }, select: { slotKey: true, sha256: true, fileName: true } });
  return signPackageScans(t.db, { actor: operator, applicationId, cms: signWith(operatorP12, scanListBytes(applicationId, scans), when), now: when });
}

const expectedNow = async (id: string) => expectedOf(await t.db.application.findUniqueOrThrow({ where: { id } }));
const ctx = (actor: UserActor, m: number) => ({ actor, now: at(m) });

describe("standard 2 through a Public Service Centre [004 L645-648]", () => {
  it("accept at the PSC → the provider sees it with channel PSC → result delivered → handed over at the PSC", async () => {
    const { applicationId: id } = await acceptPackage();
    const draft = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(draft).toMatchObject({ channel: "PSC", organisationId: committeeId, pscId, intakeOfficerId: operator.userId, status: "DRAFT" });

    // Not forwarded before the operator certifies the scans with their EDS.
    expect((await getWalkIn(t.db, { actor: operator, applicationId: id, now: at(11) })).readiness).toMatchObject({ scansSigned: false, ready: false });
    await expect(registerWalkIn(t.db, { actor: operator, applicationId: id, now: at(12) })).rejects.toMatchObject({ code: "intake.scans_not_signed" });
    const verdict = await signScans(id, at(13));
    expect(verdict.status).toBe("valid");
    expect(await t.db.signature.count({ where: { applicationId: id, purpose: "SCAN", signerIin: "910315400019" } })).toBe(1);
    expect((await getWalkIn(t.db, { actor: operator, applicationId: id, now: at(14) })).readiness.ready).toBe(true);

    const forwarded = await registerWalkIn(t.db, { actor: operator, applicationId: id, now: at(15) });
    // The number is given at submission; the provider's clerk registers the arrival (its register step).
    expect(forwarded.registrationNumber).toMatch(/^EL-2026-/);
    const row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SUBMITTED", stepKey: "register", stepRole: "OFFICE_CLERK", pscAcceptedAt: at(15) });
    // Accepted Monday 30 Nov 19:15: that day is not counted [004 L607]; 15 working days from Tue 1 Dec end on Wed 23 Dec 2026 (16–17 Dec are holidays) at 18:30.
    expect(row.dueAt).toEqual(new Date("2026-12-23T13:30:00Z"));
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { applicationId: id, type: "psc.package_forwarded" } })).data).toMatchObject({ channel: "PSC", termStartsAt: "2026-11-30T19:00:00.000Z" });

    // The provider's workflow is unchanged: its clerk registers, the head assigns, …
    const seen = await getOfficerApplication(t.db, clerk, id, { now: at(20) });
    expect(seen.app.channel).toBe("PSC");
    expect(seen.commands).toContain("register");
    // … and sees when the result must be at the PSC: one working day before the term ends [004 L608-609].
    expect(seen.paperChannel?.deliveryDueAt).toEqual(new Date("2026-12-22T13:30:00Z"));
    expect(seen.paperChannel?.psc?.nameEn).toContain("Astana");
    await expect(getOfficerApplication(t.db, otherOperator, id, { now: at(20) })).rejects.toMatchObject({ code: "errors.not_found" });

    const queue0 = await listPscQueue(t.db, operator, at(21));
    expect(queue0.inProgress.map((r) => r.id)).toContain(id);
    expect(queue0.inProgress.find((r) => r.id === id)!.deliveryDueAt).toEqual(new Date("2026-12-22T13:30:00Z"));

    await registerApplication(t.db, ctx(clerk, 30), { applicationId: id, expected: await expectedNow(id) });
    await assignApplication(t.db, ctx(head, 40), { applicationId: id, expected: await expectedNow(id), assigneeId: executor.userId });
    await startReview(t.db, ctx(executor, 50), { applicationId: id, expected: await expectedNow(id) });
    const ws = await getOfficerApplication(t.db, executor, id, { now: at(51) });
    const list = ws.checklists.find((c) => c.check === "completeness");
    if (list) {
      await recordCheck(t.db, ctx(executor, 55), { applicationId: id, expected: await expectedNow(id), check: "completeness", passed: false, items: [{ key: list.items[0]!.key, passed: false, note: "Құжат жоқ" }] });
    }
    await draftDecision(t.db, ctx(executor, 60), { applicationId: id, expected: await expectedNow(id), decision: { kind: "refusal", grounds: ["information_form_inaccurate"], reason: "Мәліметтер толық емес" } });
    await signDecision(t.db, ctx(head, 70), { applicationId: id, expected: await expectedNow(id), cmsBase64: await eds.sign(id, at(70)) });
    // The provider's hand-over step delivers the result to the centre.
    const done = await handOver(t.db, ctx(clerk, 80), ZHandOverInput.parse({ applicationId: id, expected: await expectedNow(id), mode: "paper", recipientName: "ХҚО курьері" }));
    expect(done.status).toBe("REFUSED");

    const queue = await listPscQueue(t.db, operator, at(90));
    const result = queue.toHandOver.find((r) => r.id === id)!;
    expect(result).toMatchObject({ status: "REFUSED", deliveredAt: at(80), mayReturn: false });
    // Kept a month after the term on the receipt (23 Dec) → returnable from 24 Jan 2027 00:00 Almaty.
    expect(result.keepUntil).toEqual(new Date("2027-01-23T19:00:00Z"));
    await expect(returnToProvider(t.db, { actor: operator, applicationId: id, now: at(95) })).rejects.toMatchObject({ code: "psc.keeping_period_running" });

    await handOverAtPsc(t.db, { actor: operator, applicationId: id, recipientName: "Серікбаев Нұржан", now: at(100) });
    expect(await t.db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ pscHandedOverAt: at(100), pscHandedOverTo: "Серікбаев Нұржан" });
    expect(await t.db.auditEvent.count({ where: { applicationId: id, type: "psc.result_handed_over" } })).toBe(1);
    expect((await listPscQueue(t.db, operator, at(101))).toHandOver.map((r) => r.id)).not.toContain(id);
    await expect(handOverAtPsc(t.db, { actor: operator, applicationId: id, recipientName: "Серікбаев Нұржан", now: at(102) })).rejects.toMatchObject({ code: "psc.already_closed" });
    await expect(handOverAtPsc(t.db, { actor: otherOperator, applicationId: id, recipientName: "X Y Z", now: at(102) })).rejects.toMatchObject({ code: "psc.not_accepted_here" });
  });

  it("an uncollected result is returned to the provider after one month [004 L758-760]", async () => {
    const { applicationId: id } = await acceptPackage();
    await signScans(id, at(13));
    await registerWalkIn(t.db, { actor: operator, applicationId: id, now: at(15) });
    // The provider closes it (hand-over to the PSC) — written directly: the workflow is covered above.
    const dueAt = (await t.db.application.findUniqueOrThrow({ where: { id } })).dueAt!;
    await t.db.application.update({ where: { id }, data: { status: "ISSUED", closedAt: new Date(dueAt.getTime() - 86_400_000), stepKey: null, stepRole: null } });
    const keepUntil = (await listPscQueue(t.db, operator, at(20))).toHandOver.find((r) => r.id === id)!.keepUntil!;
    await expect(returnToProvider(t.db, { actor: operator, applicationId: id, now: new Date(keepUntil.getTime() - 1) })).rejects.toMatchObject({ code: "psc.keeping_period_running" });
    expect((await listPscQueue(t.db, pscHead, keepUntil)).toHandOver.find((r) => r.id === id)!.mayReturn).toBe(true);
    await returnToProvider(t.db, { actor: operator, applicationId: id, now: keepUntil });
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).pscReturnedAt).toEqual(keepUntil);
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { applicationId: id, type: "psc.result_returned" } })).data).toMatchObject({ providerId: committeeId, keepUntil: keepUntil.toISOString() });
  });

  it("a scan added after signing leaves the package unsigned again", async () => {
    const { applicationId: id } = await acceptPackage();
    await signScans(id, at(13));
    await attachDocument(t.db, storage, { actor: operator, applicationId: id, slotKey: "application", fileName: "application-2.pdf", bytes: pdfBytes("again"), now: at(14) });
    await expect(registerWalkIn(t.db, { actor: operator, applicationId: id, now: at(15) })).rejects.toMatchObject({ code: "intake.scans_not_signed" });
  });

  it("the scan list read at signing time includes a scan uploaded after the page was rendered", async () => {
    const { applicationId: id } = await acceptPackage();
    const rendered = (await getWalkIn(t.db, { actor: operator, applicationId: id, now: at(11) })).scanListBase64!;
    await attachDocument(t.db, storage, { actor: operator, applicationId: id, slotKey: "application", fileName: "late.pdf", bytes: pdfBytes("late"), now: at(12) });
    const stale = await signPackageScans(t.db, { actor: operator, applicationId: id, cms: signWith(operatorP12, Buffer.from(rendered, "base64"), at(13)), now: at(13) });
    expect(stale.status).not.toBe("valid");
    const fresh = await currentScanList(t.db, { actor: operator, applicationId: id });
    expect(Buffer.from(fresh).toString("utf8")).toContain("late.pdf");
    expect((await signPackageScans(t.db, { actor: operator, applicationId: id, cms: signWith(operatorP12, fresh, at(14)), now: at(14) })).status).toBe("valid");
    await expect(currentScanList(t.db, { actor: clerk, applicationId: id })).rejects.toMatchObject({ code: "errors.not_found" });
  });

  it("a PSC does not accept services it does not forward, and a provider's clerk cannot sign scans", async () => {
    const entity = await registryEntity(t.db);
    await expect(startWalkIn(t.db, { actor: operator, serviceCode: "poisons-licence", variant: "issue", applicant: { kind: "LEGAL_ENTITY", bin: entity.bin }, now: at(0) })).rejects.toMatchObject({
      code: "intake.service_not_provided",
    });
    const { applicationId } = await acceptPackage();
    await expect(signPackageScans(t.db, { actor: clerk, applicationId, cms: new Uint8Array([1]), now: at(20) })).rejects.toMatchObject({ code: "errors.not_found" });
  });

  it("a complaint accepted at the PSC goes to the PSC head, with the stamped copy as a PDF [004 L827-830, L848-851]", async () => {
    const { applicationId } = await acceptPackage();
    const filed = await acceptComplaintAtPsc(t.db, {
      actor: operator,
      input: { kind: "COURTESY", applicationId, addressee: "ХҚО басшысы", fullName: "Серікбаев Нұржан", postalAddress: "Астана қ., Абай к-сі, 1", body: "Дөрекі қызмет", demands: "Шара қолдану" },
      now: at(30),
    });
    const c = await t.db.complaint.findUniqueOrThrow({ where: { id: filed.id } });
    expect(c).toMatchObject({ organisationId: pscId, handlerKind: "psc_head", acceptedById: operator.userId, answerChannel: "post", acceptedAt: at(30) });
    expect(c.ticketNumber).toMatch(/^C-2026-\d{6}$/);
    const labels = {
      title: "Stamped copy",
      stamp: "Registered at",
      incomingNumber: "Incoming number",
      date: "Date",
      acceptedBy: "Accepted by",
      applicant: "Applicant",
      postalAddress: "Postal address",
      kind: "Kind",
      addressee: "Addressee",
      answerBy: "Answer by",
      answerChannel: "Answer",
      field: "Field",
      value: "Value",
      footer: "e-licensing",
      kinds: {},
      channels: {},
    };
    const pdf = await pscComplaintReceiptPdf(t.db, { actor: pscHead, complaintId: c.id, locale: "en", labels });
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(pdf.fileName).toBe(`complaint-${c.ticketNumber}.pdf`);
    await expect(pscComplaintReceiptPdf(t.db, { actor: otherOperator, complaintId: c.id, locale: "en", labels })).rejects.toMatchObject({ code: "errors.not_found" });
    // The PSC head handles it; the Committee's head does not see it.
    const { listComplaintQueue } = await import("@/lib/oversight/complaints");
    expect((await listComplaintQueue(t.db, pscHead, {}, at(31))).rows.map((r) => r.id)).toContain(c.id);
    expect((await listComplaintQueue(t.db, head, {}, at(31))).rows.map((r) => r.id)).not.toContain(c.id);
  });
});
