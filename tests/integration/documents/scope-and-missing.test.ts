import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachDocument, listDocuments, missingRequiredSlots, readDocument, removeDocument } from "@/lib/cases/documents";
import { getApplication } from "@/lib/cases/applications";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createOrganisation, createSubject, createUser } from "../../factories";
import { createDocumentScenario, pdfBytes, tempStorage } from "../../factories/documents";

let t: TestDb;
let files: Awaited<ReturnType<typeof tempStorage>>;
beforeAll(async () => {
  t = await createTestDb();
  files = await tempStorage();
});
afterAll(async () => {
  await t.drop();
  await files.cleanup();
});

const now = new Date("2026-11-30T05:00:00Z");

describe("scope", () => {
  it("another applicant and officers of another organisation get not-found; the organisation's officers and supervisors in scope read", async () => {
    const s = await createDocumentScenario(t.db);
    const doc = await attachDocument(t.db, files.storage, {
      actor: s.applicant,
      applicationId: s.application.id,
      slotKey: "charter_scan",
      fileName: "c.pdf",
      bytes: pdfBytes(),
      now,
    });

    const otherSubject = await createSubject(t.db);
    const { actor: otherApplicant } = await createUser(t.db, "APPLICANT", { subjectId: otherSubject.id });
    const otherOrg = await createOrganisation(t.db);
    const { actor: otherClerk } = await createUser(t.db, "OFFICE_CLERK", { organisationId: otherOrg.id });
    const { actor: otherSupervisor } = await createUser(t.db, "SUPERVISOR", { organisationId: otherOrg.id, supervisorScope: "ORGANISATION" });
    const { actor: admin } = await createUser(t.db, "ADMIN");

    for (const outsider of [otherApplicant, otherClerk, otherSupervisor, admin]) {
      await expect(readDocument(t.db, files.storage, { actor: outsider, documentId: doc.id })).rejects.toThrow("errors.not_found");
    }
    for (const outsider of [otherApplicant, otherClerk]) {
      await expect(
        attachDocument(t.db, files.storage, {
          actor: outsider,
          applicationId: s.application.id,
          slotKey: "charter_scan",
          fileName: "x.pdf",
          bytes: pdfBytes(),
          now,
        }),
      ).rejects.toThrow("errors.not_found");
      await expect(removeDocument(t.db, { actor: outsider, documentId: doc.id, now })).rejects.toThrow("errors.not_found");
      await expect(listDocuments(t.db, outsider, s.application.id)).rejects.toThrow("errors.not_found");
    }

    const { actor: executor } = await createUser(t.db, "EXECUTOR", { organisationId: s.organisation.id });
    const { actor: supervisor } = await createUser(t.db, "SUPERVISOR", { organisationId: s.organisation.id, supervisorScope: "ORGANISATION" });
    const { actor: ministry } = await createUser(t.db, "SUPERVISOR", { supervisorScope: "ALL" });
    await t.db.application.update({ where: { id: s.application.id }, data: { status: "SUBMITTED", submittedAt: now } });
    for (const insider of [s.clerk, executor, supervisor, ministry]) {
      expect((await readDocument(t.db, files.storage, { actor: insider, documentId: doc.id })).document.id).toBe(doc.id);
    }
    expect((await listDocuments(t.db, s.clerk, s.application.id)).map((d) => d.id)).toEqual([doc.id]);
    expect(await t.db.document.count({ where: { applicationId: s.application.id, deletedAt: null } })).toBe(1);
  });

  it("a draft and its files are the applicant's only: staff of the organisation get not-found until it is submitted (issue 13, F8)", async () => {
    const s = await createDocumentScenario(t.db);
    const doc = await attachDocument(t.db, files.storage, { actor: s.applicant, applicationId: s.application.id, slotKey: "charter_scan", fileName: "c.pdf", bytes: pdfBytes(), now });
    const { actor: executor } = await createUser(t.db, "EXECUTOR", { organisationId: s.organisation.id });
    const { actor: supervisor } = await createUser(t.db, "SUPERVISOR", { organisationId: s.organisation.id, supervisorScope: "ORGANISATION" });
    const { actor: ministry } = await createUser(t.db, "SUPERVISOR", { supervisorScope: "ALL" });
    const staff = [s.clerk, executor, supervisor, ministry];

    expect((await readDocument(t.db, files.storage, { actor: s.applicant, documentId: doc.id })).document.id).toBe(doc.id);
    for (const officer of staff) {
      await expect(readDocument(t.db, files.storage, { actor: officer, documentId: doc.id })).rejects.toThrow("errors.not_found");
      await expect(getApplication(t.db, officer, s.application.id)).rejects.toThrow("errors.not_found");
      await expect(listDocuments(t.db, officer, s.application.id)).rejects.toThrow("errors.not_found");
    }

    await t.db.application.update({ where: { id: s.application.id }, data: { status: "SUBMITTED", submittedAt: now } });
    for (const officer of staff) {
      expect((await readDocument(t.db, files.storage, { actor: officer, documentId: doc.id })).document.id).toBe(doc.id);
      expect((await getApplication(t.db, officer, s.application.id)).id).toBe(s.application.id);
    }
  });

  it("a walk-in draft is the office's own work: its staff see it from its registration on", async () => {
    const s = await createDocumentScenario(t.db, { channel: "PROVIDER" });
    expect((await getApplication(t.db, s.clerk, s.application.id)).id).toBe(s.application.id);
  });

  it("an unknown document id is not found", async () => {
    const s = await createDocumentScenario(t.db);
    await expect(readDocument(t.db, files.storage, { actor: s.applicant, documentId: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(
      "errors.not_found",
    );
  });
});

describe("missingRequiredSlots", () => {
  it("lists the required portal slots without a live file", async () => {
    const s = await createDocumentScenario(t.db);
    const keys = async () => (await missingRequiredSlots(t.db, s.application.id)).map((x) => x.key);
    expect(await keys()).toEqual(["charter_scan", "qualification_documents"]);
    const charter = await attachDocument(t.db, files.storage, {
      actor: s.applicant,
      applicationId: s.application.id,
      slotKey: "charter_scan",
      fileName: "c.pdf",
      bytes: pdfBytes(),
      now,
    });
    expect(await keys()).toEqual(["qualification_documents"]);
    await attachDocument(t.db, files.storage, {
      actor: s.applicant,
      applicationId: s.application.id,
      slotKey: "qualification_documents",
      fileName: "q.pdf",
      bytes: pdfBytes(),
      now,
    });
    expect(await keys()).toEqual([]);
    await removeDocument(t.db, { actor: s.applicant, documentId: charter.id, now });
    expect(await keys()).toEqual(["charter_scan"]);
  });

  it("uses the paper package for a walk-in application", async () => {
    const s = await createDocumentScenario(t.db, { channel: "PROVIDER" });
    expect((await missingRequiredSlots(t.db, s.application.id)).map((x) => x.key)).toEqual([
      "application",
      "charter",
      "tax_registration_certificate",
      "licence_fee_receipt",
      "qualification_documents",
    ]);
  });
});
