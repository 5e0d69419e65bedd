import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachDocument } from "@/lib/cases/documents";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createDocumentScenario, pdfBytes, pngBytes, tempStorage } from "../../factories/documents";

// Issue 13 F12: an upload was judged by its first bytes only. (F10, registration: tests/integration/foundation/auth.test.ts.)
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.drop());

const now = new Date("2026-11-30T05:00:00Z");
describe("uploads are parsed, not only sniffed (F12)", () => {
  it("a %PDF- file carrying HTML, or a PNG that is only its magic bytes: 422 documents.unreadable, nothing stored", async () => {
    const files = await tempStorage();
    try {
      const { applicant, application } = await createDocumentScenario(t.db);
      const base = { actor: applicant, applicationId: application.id, slotKey: "charter_scan", now };
      const html = new TextEncoder().encode("%PDF-1.4\n<html><body><script>fetch('/api/v1/applications')</script></body></html>");
      await expect(attachDocument(t.db, files.storage, { ...base, fileName: "charter.pdf", declaredType: "application/pdf", bytes: html })).rejects.toThrow("documents.unreadable");
      await expect(attachDocument(t.db, files.storage, { ...base, fileName: "scan.png", bytes: pngBytes().subarray(0, 16) })).rejects.toThrow("documents.unreadable");
      expect(await t.db.document.count({ where: { applicationId: application.id } })).toBe(0);
      await attachDocument(t.db, files.storage, { ...base, fileName: "charter.pdf", bytes: pdfBytes() });
      expect(await t.db.document.count({ where: { applicationId: application.id } })).toBe(1);
    } finally {
      await files.cleanup();
    }
  });
});
