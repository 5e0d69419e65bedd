import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/platform/db";
import { attachDocument, readDocument, removeDocument, type FileStorage } from "@/lib/cases/documents";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createDocumentScenario, jpegBytes, pdfBytes, pngBytes, tempStorage } from "../../factories/documents";

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
const later = new Date("2026-11-30T05:10:00Z");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function storedFileCount(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

describe("attaching on the portal", () => {
  it("stores the file, its SHA-256 and an audit row; the applicant can read it back", async () => {
    const { applicant, application } = await createDocumentScenario(t.db);
    const bytes = pdfBytes("charter");
    const doc = await attachDocument(t.db, files.storage, {
      actor: applicant,
      applicationId: application.id,
      slotKey: "charter_scan",
      fileName: "Жарғы.pdf",
      declaredType: "application/pdf",
      bytes,
      now,
    });

    expect(doc).toMatchObject({
      applicationId: application.id,
      slotKey: "charter_scan",
      fileName: "Жарғы.pdf",
      mimeType: "application/pdf",
      size: bytes.length,
      sha256: sha(bytes),
      scanned: false,
    });
    expect(doc).not.toHaveProperty("storageKey");
    const row = await t.db.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row.sha256).toBe(sha(bytes));
    expect(row.uploadedById).toBe(applicant.userId);
    expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
    expect(row.storageKey).not.toContain("Жарғы");
    expect(await files.storage.get(row.storageKey)).toEqual(bytes);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "document.attached", entityId: doc.id } });
    expect(audit).toMatchObject({ applicationId: application.id, actorId: applicant.userId, at: now });
    expect(audit.data).toMatchObject({ slotKey: "charter_scan", sha256: sha(bytes), replaced: [] });

    const read = await readDocument(t.db, files.storage, { actor: applicant, documentId: doc.id });
    expect(read.document.id).toBe(doc.id);
    expect(new Uint8Array(await new Response(read.body).arrayBuffer())).toEqual(bytes);
  });

  it("replaces the file of a single-file slot (soft delete) and keeps several in a multiple slot", async () => {
    const { applicant, application } = await createDocumentScenario(t.db);
    const base = { actor: applicant, applicationId: application.id, now };
    const first = await attachDocument(t.db, files.storage, { ...base, slotKey: "charter_scan", fileName: "v1.pdf", bytes: pdfBytes("v1") });
    const second = await attachDocument(t.db, files.storage, { ...base, now: later, slotKey: "charter_scan", fileName: "v2.jpg", bytes: jpegBytes() });
    const live = await t.db.document.findMany({ where: { applicationId: application.id, slotKey: "charter_scan", deletedAt: null } });
    expect(live.map((d) => d.id)).toEqual([second.id]);
    const old = await t.db.document.findUniqueOrThrow({ where: { id: first.id } });
    expect(old.deletedAt).toEqual(later);
    expect(await files.storage.exists(old.storageKey)).toBe(true); // kept for the audit trail
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "document.attached", entityId: second.id } });
    expect(audit.data).toMatchObject({ replaced: [first.id] });
    await expect(readDocument(t.db, files.storage, { actor: applicant, documentId: first.id })).rejects.toThrow("errors.not_found");

    await attachDocument(t.db, files.storage, { ...base, slotKey: "qualification_documents", fileName: "q1.pdf", bytes: pdfBytes("q1") });
    await attachDocument(t.db, files.storage, { ...base, slotKey: "qualification_documents", fileName: "q2.png", bytes: pngBytes() });
    expect(await t.db.document.count({ where: { applicationId: application.id, slotKey: "qualification_documents", deletedAt: null } })).toBe(2);
  });

  it("keeps exactly one live file when two uploads race for a single-file slot", async () => {
    const { applicant, application } = await createDocumentScenario(t.db);
    const up = (n: string) =>
      attachDocument(t.db, files.storage, {
        actor: applicant,
        applicationId: application.id,
        slotKey: "charter_scan",
        fileName: `${n}.pdf`,
        bytes: pdfBytes(n),
        now,
      });
    await Promise.all([up("a"), up("b"), up("c")]);
    expect(await t.db.document.count({ where: { applicationId: application.id, slotKey: "charter_scan", deletedAt: null } })).toBe(1);
    expect(await t.db.document.count({ where: { applicationId: application.id, slotKey: "charter_scan" } })).toBe(3);
  });

  it("removes a file (soft delete, audited); a second removal finds nothing", async () => {
    const { applicant, application } = await createDocumentScenario(t.db);
    const doc = await attachDocument(t.db, files.storage, {
      actor: applicant,
      applicationId: application.id,
      slotKey: "charter_scan",
      fileName: "c.pdf",
      bytes: pdfBytes(),
      now,
    });
    await expect(
      removeDocument(t.db, { actor: applicant, documentId: doc.id, applicationId: "00000000-0000-4000-8000-000000000000", now: later }),
    ).rejects.toThrow("errors.not_found");
    expect(await removeDocument(t.db, { actor: applicant, documentId: doc.id, applicationId: application.id, now: later })).toEqual({
      id: doc.id,
      applicationId: application.id,
    });
    expect((await t.db.document.findUniqueOrThrow({ where: { id: doc.id } })).deletedAt).toEqual(later);
    expect(await t.db.auditEvent.count({ where: { type: "document.removed", entityId: doc.id } })).toBe(1);
    await expect(removeDocument(t.db, { actor: applicant, documentId: doc.id, now: later })).rejects.toThrow("errors.not_found");
  });
});

describe("refusals", () => {
  it("refuses files over the limit (10 MiB by default) and empty files, storing nothing", async () => {
    const { applicant, application } = await createDocumentScenario(t.db);
    const before = await storedFileCount(files.dir);
    const base = { actor: applicant, applicationId: application.id, slotKey: "charter_scan", fileName: "big.pdf", now };
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdfBytes());
    await expect(attachDocument(t.db, files.storage, { ...base, bytes: big })).rejects.toThrow("documents.too_large");
    await expect(attachDocument(t.db, files.storage, { ...base, bytes: pdfBytes("x".repeat(200)), maxBytes: 100 })).rejects.toThrow("documents.too_large");
    await expect(attachDocument(t.db, files.storage, { ...base, bytes: new Uint8Array() })).rejects.toThrow("documents.empty");
    // Exactly at the limit is fine.
    const exact = pdfBytes("limit");
    await expect(attachDocument(t.db, files.storage, { ...base, bytes: exact, maxBytes: exact.length })).resolves.toMatchObject({ size: exact.length });
    expect(await storedFileCount(files.dir)).toBe(before + 1);
  });

  it("refuses a wrong type and a mislabelled file", async () => {
    const { applicant, application } = await createDocumentScenario(t.db);
    const base = { actor: applicant, applicationId: application.id, slotKey: "charter_scan", now };
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    await expect(attachDocument(t.db, files.storage, { ...base, fileName: "charter.docx", bytes: docx })).rejects.toThrow("documents.unsupported_type");
    await expect(attachDocument(t.db, files.storage, { ...base, fileName: "charter.pdf", bytes: jpegBytes() })).rejects.toThrow("documents.mislabelled");
    await expect(attachDocument(t.db, files.storage, { ...base, fileName: "charter.pdf", declaredType: "image/png", bytes: pdfBytes() })).rejects.toThrow(
      "documents.mislabelled",
    );
    expect(await t.db.document.count({ where: { applicationId: application.id } })).toBe(0);
  });

  it("refuses a slot the service/variant/channel does not have", async () => {
    const { applicant, application } = await createDocumentScenario(t.db);
    const base = { actor: applicant, applicationId: application.id, fileName: "x.pdf", bytes: pdfBytes(), now };
    await expect(attachDocument(t.db, files.storage, { ...base, slotKey: "licence_scan" })).rejects.toThrow("documents.unknown_slot"); // reissue slot
    await expect(attachDocument(t.db, files.storage, { ...base, slotKey: "licence_fee_receipt" })).rejects.toThrow("documents.unknown_slot"); // paper-only slot
    await expect(attachDocument(t.db, files.storage, { ...base, slotKey: "no_such_slot" })).rejects.toThrow("documents.unknown_slot");
  });

  it("refuses changes once the application has left DRAFT", async () => {
    const { applicant, application } = await createDocumentScenario(t.db);
    const doc = await attachDocument(t.db, files.storage, {
      actor: applicant,
      applicationId: application.id,
      slotKey: "charter_scan",
      fileName: "c.pdf",
      bytes: pdfBytes(),
      now,
    });
    await t.db.application.update({ where: { id: application.id }, data: { status: "SUBMITTED" } });
    await expect(
      attachDocument(t.db, files.storage, {
        actor: applicant,
        applicationId: application.id,
        slotKey: "charter_scan",
        fileName: "c2.pdf",
        bytes: pdfBytes(),
        now,
      }),
    ).rejects.toThrow("documents.not_editable");
    await expect(removeDocument(t.db, { actor: applicant, documentId: doc.id, now })).rejects.toThrow("documents.not_editable");
    // Still readable after submission.
    await expect(readDocument(t.db, files.storage, { actor: applicant, documentId: doc.id })).resolves.toBeTruthy();
  });

  it("deletes the written file again when the database write fails", async () => {
    const { applicant, application } = await createDocumentScenario(t.db);
    const puts: string[] = [];
    const deletes: string[] = [];
    const spy: FileStorage = {
      put: async (k, b, e) => (puts.push(k), files.storage.put(k, b, e)),
      get: (k, e) => files.storage.get(k, e),
      stream: (k, e) => files.storage.stream(k, e),
      delete: async (k) => (deletes.push(k), files.storage.delete(k)),
      exists: (k) => files.storage.exists(k),
    };
    // Fault injection: the database refuses the transaction after the file is written.
    const failing = new Proxy(t.db, {
      get: (target, prop, receiver) =>
        prop === "$transaction" ? async () => Promise.reject(new Error("connection lost")) : Reflect.get(target, prop, receiver),
    }) as Db;
    await expect(
      attachDocument(failing, spy, { actor: applicant, applicationId: application.id, slotKey: "charter_scan", fileName: "c.pdf", bytes: pdfBytes(), now }),
    ).rejects.toThrow("connection lost");
    expect(puts).toHaveLength(1);
    expect(deletes).toEqual(puts);
    expect(await files.storage.exists(puts[0]!)).toBe(false);
    expect(await t.db.document.count({ where: { applicationId: application.id } })).toBe(0);
  });
});

describe("walk-in intake (provider channel)", () => {
  it("an office clerk of the organisation attaches scans to a walk-in draft", async () => {
    const { clerk, application } = await createDocumentScenario(t.db, { channel: "PROVIDER" });
    const doc = await attachDocument(t.db, files.storage, {
      actor: clerk,
      applicationId: application.id,
      slotKey: "licence_fee_receipt",
      fileName: "квитанция.jpg",
      bytes: jpegBytes(),
      now,
    });
    expect(doc).toMatchObject({ scanned: true, mimeType: "image/jpeg" });
    const electronic = await attachDocument(t.db, files.storage, {
      actor: clerk,
      applicationId: application.id,
      slotKey: "charter",
      fileName: "charter.pdf",
      bytes: pdfBytes(),
      now,
      scanned: false,
    });
    expect(electronic.scanned).toBe(false);
  });

  it("the applicant cannot upload into a walk-in draft, nor the clerk into a portal draft; other officers are forbidden", async () => {
    const walkIn = await createDocumentScenario(t.db, { channel: "PROVIDER" });
    await expect(
      attachDocument(t.db, files.storage, {
        actor: walkIn.applicant,
        applicationId: walkIn.application.id,
        slotKey: "charter",
        fileName: "c.pdf",
        bytes: pdfBytes(),
        now,
      }),
    ).rejects.toThrow("documents.not_editable");
    const portal = await createDocumentScenario(t.db);
    await expect(
      attachDocument(t.db, files.storage, {
        actor: portal.clerk,
        applicationId: portal.application.id,
        slotKey: "charter_scan",
        fileName: "c.pdf",
        bytes: pdfBytes(),
        now,
      }),
      // A portal draft is the applicant's alone (issue 13, F8): for the clerk it does not exist yet.
    ).rejects.toThrow("errors.not_found");
    const { createUser } = await import("../../factories");
    const { actor: executor } = await createUser(t.db, "EXECUTOR", { organisationId: walkIn.organisation.id });
    await expect(
      attachDocument(t.db, files.storage, {
        actor: executor,
        applicationId: walkIn.application.id,
        slotKey: "charter",
        fileName: "c.pdf",
        bytes: pdfBytes(),
        now,
      }),
    ).rejects.toThrow("auth.forbidden");
  });
});
