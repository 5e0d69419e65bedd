import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { attachDocument, type FileStorage } from "@/lib/cases/documents";
import { checkPaperPackage, getWalkIn, getWalkInReceipt, paperSlots, recordPaperPackage, recordWalkInReceipt, registerWalkIn, startWalkIn } from "@/lib/cases/intake";
import { listWorklist } from "@/lib/cases/worklist";
import { createTestDb, type TestDb } from "../../support/test-db";
import { loadReferenceData } from "../../support/reference-data";
import { createUser, uniqueBin } from "../../factories";
import { pdfBytes, tempStorage } from "../../factories/documents";
import { intakeStaff, powerOfAttorney, registryEntity, SCRAP_FORM, SCRAP_PAPER } from "../../factories/intake";

let t: TestDb;
let storage: FileStorage;
let cleanup: () => Promise<void>;
let clerk: UserActor, head: UserActor, executor: UserActor, stranger: UserActor;

// Monday 30 November 2026, 10:00 in Aktobe (UTC+5).
const t0 = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
// Scrap-metal licence, issue: 10 MCI × 4 325 tenge (2026).
const FEE_2026 = 43_250;

beforeAll(async () => {
  t = await createTestDb();
  await loadReferenceData(t.db);
  ({ clerk, head, executor } = await intakeStaff(t.db, "aktobe"));
  stranger = (await intakeStaff(t.db, "atyrau")).clerk;
  ({ storage, cleanup } = await tempStorage());
});
afterAll(async () => {
  await cleanup();
  await t.drop();
});

async function counts() {
  return { subjects: await t.db.subject.count(), applications: await t.db.application.count(), representatives: await t.db.representative.count() };
}

async function scan(applicationId: string, slotKey: string, actor = clerk) {
  return attachDocument(t.db, storage, { actor, applicationId, slotKey, fileName: `${slotKey}.pdf`, bytes: pdfBytes(slotKey), now: at(20) });
}

async function scrapDraft(over: { representative?: unknown } = {}) {
  const entity = await registryEntity(t.db);
  const started = await startWalkIn(t.db, {
    actor: clerk,
    serviceCode: "scrap-metal-licence",
    variant: "issue",
    applicant: { kind: "LEGAL_ENTITY", bin: entity.bin },
    representative: over.representative,
    now: at(0),
  });
  return { entity, ...started };
}

describe("walk-in intake through the provider (001/002 processes 3–7)", () => {
  it("a legal entity found in the registry: draft → form, paper, scans, receipt → registered and waiting for the head", async () => {
    const poa = powerOfAttorney(t0);
    const { entity, applicationId, subjectId, representativeId } = await scrapDraft({ representative: poa });

    const app = await t.db.application.findUniqueOrThrow({ where: { id: applicationId }, include: { subject: true, representative: true } });
    expect(app).toMatchObject({
      status: "DRAFT",
      channel: "PROVIDER",
      intakeOfficerId: clerk.userId,
      createdById: clerk.userId,
      organisationId: clerk.organisationId,
      subjectId,
      representativeId,
    });
    expect(app.subject).toMatchObject({
      kind: "LEGAL_ENTITY",
      identifier: entity.bin,
      name: entity.name,
      legalAddress: entity.legalAddress,
      headName: entity.headName,
      headIin: entity.headIin,
    });
    expect(app.representative).toMatchObject({ iin: poa.iin, fullName: poa.fullName, basis: "POWER_OF_ATTORNEY", poaNumber: "1-234", poaNotarised: true });
    expect(app.applicantName).toBe(entity.name);
    expect(await t.db.auditEvent.count({ where: { applicationId, type: "intake.walk_in_started" } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { entityId: entity.bin, type: "registry.legal_entity_lookup" } })).toBe(1);

    // Nothing recorded yet: registration is refused with the first missing thing.
    await expect(registerWalkIn(t.db, { actor: clerk, applicationId, now: at(5) })).rejects.toThrow("intake.form_incomplete");

    await recordPaperPackage(t.db, { actor: clerk, applicationId, present: SCRAP_PAPER, formData: SCRAP_FORM, now: at(10) });
    const stored = await t.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(stored.formData).toMatchObject({ contactPhone: "+77010000000", _paperPackage: { present: SCRAP_PAPER, recordedById: clerk.userId } });

    for (const slot of SCRAP_PAPER.slice(0, -1)) await scan(applicationId, slot);
    await expect(registerWalkIn(t.db, { actor: clerk, applicationId, now: at(25) })).rejects.toThrow("intake.scans_missing");
    await scan(applicationId, "qualification_documents");
    await scan(applicationId, "qualification_documents");

    await expect(registerWalkIn(t.db, { actor: clerk, applicationId, now: at(25) })).rejects.toThrow("payments.not_paid");
    await recordWalkInReceipt(t.db, {
      actor: clerk,
      applicationId,
      receiptNumber: `RCPT-${entity.bin}`,
      amountKzt: FEE_2026,
      paidOn: "2026-11-30",
      now: at(28),
    });
    const view = await getWalkIn(t.db, { actor: clerk, applicationId, now: at(29) });
    expect(view.readiness.ready).toBe(true);
    expect(await t.db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } })).toEqual({ status: "DRAFT" });

    const done = await registerWalkIn(t.db, { actor: clerk, applicationId, now: at(30) });
    expect(done.registrationNumber).toMatch(/^EL-2026-\d{7}$/);
    expect(done.registeredAt.toISOString()).toBe(at(30).toISOString());
    expect(done.officerName).toBe(clerk.name);

    const registered = await t.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(registered).toMatchObject({ status: "IN_PROGRESS", stepRole: "HEAD", registrationNumber: done.registrationNumber });
    expect(registered.submittedAt?.toISOString()).toBe(at(30).toISOString());
    expect(registered.regulationVersionId).not.toBeNull();
    const audit = await t.db.auditEvent.findMany({ where: { applicationId, type: { startsWith: "application." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.type, a.actorId])).toEqual([
      ["application.payment_confirmed", clerk.userId],
      ["application.submitted", clerk.userId],
      ["application.registered", clerk.userId],
    ]);

    // Like a portal application, it now sits in the head's worklist, not in the executor's.
    const headList = await listWorklist(t.db, head, {});
    expect(headList.rows.map((r) => r.id)).toContain(applicationId);
    expect((await listWorklist(t.db, executor, {})).rows.map((r) => r.id)).not.toContain(applicationId);

    const receipt = await getWalkInReceipt(t.db, { actor: clerk, applicationId });
    expect(receipt).toMatchObject({
      registrationNumber: done.registrationNumber,
      service: { code: "scrap-metal-licence", variant: "issue" },
      applicant: { kind: "LEGAL_ENTITY", identifier: entity.bin, name: entity.name },
      representative: { fullName: poa.fullName, iin: poa.iin, poaNumber: "1-234", notarised: true },
      fee: { receiptNumber: `RCPT-${entity.bin}`, amountKzt: FEE_2026 },
      officer: { name: clerk.name, role: "OFFICE_CLERK" },
    });
    expect(receipt.registeredAt.toISOString()).toBe(at(30).toISOString());
    expect(receipt.readyBy?.toISOString()).toBe(registered.dueAt?.toISOString());
    expect(receipt.documents.map((d) => [d.key, d.scans])).toEqual([
      ["application", 1],
      ["charter", 1],
      ["tax_registration_certificate", 1],
      ["licence_fee_receipt", 1],
      ["qualification_documents", 2],
    ]);

    // Registered: the counter can no longer change it.
    await expect(recordPaperPackage(t.db, { actor: clerk, applicationId, present: SCRAP_PAPER, formData: SCRAP_FORM, now: at(40) })).rejects.toThrow(
      "intake.already_registered",
    );
    await expect(registerWalkIn(t.db, { actor: clerk, applicationId, now: at(40) })).rejects.toThrow("intake.already_registered");
    await expect(scan(applicationId, "charter")).rejects.toThrow("documents.not_editable");
  });

  it("refuses an unknown and a liquidated BIN with the regulation's message and creates nothing", async () => {
    const liquidated = await registryEntity(t.db, { status: "LIQUIDATED" });
    const before = await counts();
    for (const bin of [uniqueBin(), liquidated.bin]) {
      await expect(
        startWalkIn(t.db, { actor: clerk, serviceCode: "scrap-metal-licence", variant: "issue", applicant: { kind: "LEGAL_ENTITY", bin }, now: at(0) }),
      ).rejects.toMatchObject({ code: "registries.data_unavailable" });
    }
    expect(await counts()).toEqual(before);
    // The refused queries are still on record.
    expect(await t.db.auditEvent.findFirst({ where: { entityId: liquidated.bin, type: "registry.legal_entity_lookup" }, select: { data: true } })).toEqual({
      data: { outcome: "liquidated" },
    });
  });

  it("refuses a power of attorney that is not notarised, and creates nothing", async () => {
    const entity = await registryEntity(t.db);
    const before = await counts();
    await expect(
      startWalkIn(t.db, {
        actor: clerk,
        serviceCode: "scrap-metal-licence",
        variant: "issue",
        applicant: { kind: "LEGAL_ENTITY", bin: entity.bin },
        representative: powerOfAttorney(t0, { notarised: false }),
        now: at(0),
      }),
    ).rejects.toMatchObject({ code: "registries.poa_not_notarised" });
    expect(await counts()).toEqual(before);
  });

  it("reuses the subject of a BIN it already knows, with the registry's current data", async () => {
    const entity = await registryEntity(t.db);
    const first = await startWalkIn(t.db, {
      actor: clerk,
      serviceCode: "scrap-metal-licence",
      variant: "issue",
      applicant: { kind: "LEGAL_ENTITY", bin: entity.bin },
      now: at(0),
    });
    await t.db.registryEntity.update({ where: { bin: entity.bin }, data: { name: "«Жаңа атау» ЖШС" } });
    const second = await startWalkIn(t.db, {
      actor: clerk,
      serviceCode: "grain-warehouse-receipts-licence",
      variant: "issue",
      applicant: { kind: "LEGAL_ENTITY", bin: entity.bin },
      now: at(1),
    });
    expect(second.subjectId).toBe(first.subjectId);
    expect((await t.db.subject.findUniqueOrThrow({ where: { id: first.subjectId } })).name).toBe("«Жаңа атау» ЖШС");
  });

  it("refuses registration while a required paper document is not marked as handed over, even with its scan", async () => {
    const { applicationId, entity } = await scrapDraft();
    await recordWalkInReceipt(t.db, { actor: clerk, applicationId, receiptNumber: `R2-${entity.bin}`, amountKzt: FEE_2026, paidOn: "2026-11-30", now: at(1) });
    const withoutCharter = SCRAP_PAPER.filter((k) => k !== "charter");
    await recordPaperPackage(t.db, { actor: clerk, applicationId, present: withoutCharter, formData: SCRAP_FORM, now: at(2) });
    for (const slot of withoutCharter) await scan(applicationId, slot);
    await expect(registerWalkIn(t.db, { actor: clerk, applicationId, now: at(30) })).rejects.toThrow("intake.paper_missing");
    await scan(applicationId, "charter");
    await expect(registerWalkIn(t.db, { actor: clerk, applicationId, now: at(30) })).rejects.toThrow("intake.paper_missing");
    await recordPaperPackage(t.db, { actor: clerk, applicationId, present: SCRAP_PAPER, formData: SCRAP_FORM, now: at(31) });
    await expect(registerWalkIn(t.db, { actor: clerk, applicationId, now: at(32) })).resolves.toMatchObject({
      registrationNumber: expect.stringMatching(/^EL-/),
    });
  });

  it("an optional document scanned but not marked, or marked but not scanned, blocks the package", () => {
    const slots = paperSlots({ serviceCode: "processing-outside-rk-permit", variant: "ISSUE", subjectKind: "LEGAL_ENTITY" });
    const required = slots.filter((s) => s.required).map((s) => s.key);
    expect(slots.find((s) => s.key === "processing_conditions_document")?.required).toBe(false);
    expect(checkPaperPackage(slots, required, required)).toEqual({ notPresent: [], notScanned: [], scannedNotPresent: [] });
    expect(checkPaperPackage(slots, required, [...required, "processing_conditions_document"]).scannedNotPresent).toEqual(["processing_conditions_document"]);
    expect(checkPaperPackage(slots, [...required, "processing_conditions_document"], required).notScanned).toEqual(["processing_conditions_document"]);
    expect(checkPaperPackage(slots, required.slice(1), required).notPresent).toEqual([required[0]]);
  });

  it("validates the form and the checklist when they are recorded; nothing is saved on error", async () => {
    const { applicationId } = await scrapDraft();
    await expect(
      recordPaperPackage(t.db, { actor: clerk, applicationId, present: SCRAP_PAPER, formData: { ...SCRAP_FORM, contactPhone: "12" }, now: at(1) }),
    ).rejects.toMatchObject({ code: "validation.failed", details: { fieldErrors: { contactPhone: "validation.phone" } } });
    await expect(recordPaperPackage(t.db, { actor: clerk, applicationId, present: ["passport"], formData: SCRAP_FORM, now: at(1) })).rejects.toThrow(
      "intake.unknown_paper_document",
    );
    expect((await t.db.application.findUniqueOrThrow({ where: { id: applicationId } })).formData).toEqual({});
  });

  it("a clerk of another organisation cannot see or touch the walk-in application (not found)", async () => {
    const { applicationId } = await scrapDraft();
    await expect(getWalkIn(t.db, { actor: stranger, applicationId, now: at(1) })).rejects.toThrow("errors.not_found");
    await expect(recordPaperPackage(t.db, { actor: stranger, applicationId, present: SCRAP_PAPER, formData: SCRAP_FORM, now: at(1) })).rejects.toThrow(
      "errors.not_found",
    );
    await expect(scan(applicationId, "charter", stranger)).rejects.toThrow("errors.not_found");
    await expect(
      recordWalkInReceipt(t.db, { actor: stranger, applicationId, receiptNumber: "X-1", amountKzt: FEE_2026, paidOn: "2026-11-30", now: at(1) }),
    ).rejects.toThrow("errors.not_found");
    await expect(registerWalkIn(t.db, { actor: stranger, applicationId, now: at(1) })).rejects.toThrow("errors.not_found");
    await expect(getWalkInReceipt(t.db, { actor: stranger, applicationId })).rejects.toThrow("errors.not_found");
  });

  it("only an office clerk runs the intake: an executor is forbidden", async () => {
    const entity = await registryEntity(t.db);
    const before = await counts();
    await expect(
      startWalkIn(t.db, {
        actor: executor,
        serviceCode: "scrap-metal-licence",
        variant: "issue",
        applicant: { kind: "LEGAL_ENTITY", bin: entity.bin },
        now: at(0),
      }),
    ).rejects.toMatchObject({ code: "auth.forbidden" });
    const { applicationId } = await scrapDraft();
    await expect(registerWalkIn(t.db, { actor: executor, applicationId, now: at(1) })).rejects.toThrow("auth.forbidden");
    await expect(recordPaperPackage(t.db, { actor: executor, applicationId, present: [], formData: {}, now: at(1) })).rejects.toThrow("auth.forbidden");
    expect((await counts()).applications).toBe(before.applications + 1);
  });

  it("checks the service against the officer's organisation and the applicant's category", async () => {
    const entity = await registryEntity(t.db);
    const base = { actor: clerk, variant: "issue" as const, applicant: { kind: "LEGAL_ENTITY" as const, bin: entity.bin }, now: at(0) };
    await expect(startWalkIn(t.db, { ...base, serviceCode: "poisons-licence" })).rejects.toThrow("intake.service_not_provided");
    await expect(startWalkIn(t.db, { ...base, serviceCode: "scrap-metal-licence", variant: "annex" })).rejects.toThrow("catalogue.variant_not_offered");
    await expect(
      startWalkIn(t.db, {
        ...base,
        serviceCode: "scrap-metal-licence",
        applicant: { kind: "INDIVIDUAL_ENTREPRENEUR", iin: "010520500001", name: "ЖК «Тест»" },
      }),
    ).rejects.toThrow("intake.recipient_not_allowed");
    await expect(startWalkIn(t.db, { ...base, serviceCode: "scrap-metal-licence", variant: "reissue" })).rejects.toThrow("intake.base_licence_required");
    await expect(startWalkIn(t.db, { ...base, serviceCode: "scrap-metal-licence", variant: "reissue", baseLicenceNumber: "KZ2615000004211" })).rejects.toThrow(
      "intake.base_licence_not_found",
    );
  });

  it("a portal application is not a walk-in one: the intake pages do not find it", async () => {
    const { applicationId } = await scrapDraft();
    await t.db.application.update({ where: { id: applicationId }, data: { channel: "PORTAL" } });
    await expect(getWalkIn(t.db, { actor: clerk, applicationId, now: at(1) })).rejects.toThrow("errors.not_found");
    await expect(registerWalkIn(t.db, { actor: clerk, applicationId, now: at(1) })).rejects.toThrow("errors.not_found");
  });
});

describe("walk-in intake of a free service for an entrepreneur (Committee)", () => {
  it("takes the IIN and name from the officer, needs no receipt, and registers", async () => {
    const { clerk: committeeClerk, head: committeeHead } = await intakeStaff(t.db, "committee");
    const entrepreneur = (await createUser(t.db, "APPLICANT")).actor; // someone else's account: not involved
    expect(entrepreneur.subjectId).toBeNull();
    await expect(
      startWalkIn(t.db, {
        actor: committeeClerk,
        serviceCode: "chemical-product-registration",
        variant: "registration",
        applicant: { kind: "INDIVIDUAL_ENTREPRENEUR", iin: "010520500002", name: "ЖК «Тест»" },
        now: at(0),
      }),
    ).rejects.toMatchObject({ code: "validation.iin_invalid", details: { fieldErrors: { identifier: "validation.iin_invalid" } } });

    const { applicationId, subjectId } = await startWalkIn(t.db, {
      actor: committeeClerk,
      serviceCode: "chemical-product-registration",
      variant: "registration",
      applicant: { kind: "INDIVIDUAL_ENTREPRENEUR", iin: "010520500001", name: "ЖК «Нұрсұлтанова Ә.»", address: "Астана қ." },
      now: at(0),
    });
    expect(await t.db.subject.findUniqueOrThrow({ where: { id: subjectId } })).toMatchObject({
      kind: "INDIVIDUAL_ENTREPRENEUR",
      identifier: "010520500001",
      name: "ЖК «Нұрсұлтанова Ә.»",
    });
    const view = await getWalkIn(t.db, { actor: committeeClerk, applicationId, now: at(1) });
    expect(view.feeRequired).toBe(false);
    const keys = view.paperSlots.map((s) => s.key);
    expect(keys).toEqual(["application", "identity_document", "safety_passport"]);

    await recordPaperPackage(t.db, {
      actor: committeeClerk,
      applicationId,
      present: keys,
      formData: { activitySubtypes: ["chemical-product"], activityAddress: "Астана қ., 1", contactPhone: "87010000000", contactEmail: "ie@example.kz" },
      now: at(2),
    });
    for (const k of keys) await scan(applicationId, k, committeeClerk);
    const done = await registerWalkIn(t.db, { actor: committeeClerk, applicationId, now: at(10) });
    expect(done.registrationNumber).toMatch(/^EL-2026-/);
    const app = await t.db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(app).toMatchObject({ status: "IN_PROGRESS", stepRole: "HEAD" });
    expect((await listWorklist(t.db, committeeHead, {})).rows.map((r) => r.id)).toContain(applicationId);
    const receipt = await getWalkInReceipt(t.db, { actor: committeeClerk, applicationId });
    expect(receipt.fee).toBeNull();
    expect(receipt.representative).toBeNull();
    expect(await t.db.auditEvent.count({ where: { applicationId, type: "application.payment_confirmed" } })).toBe(0);
  });
});
