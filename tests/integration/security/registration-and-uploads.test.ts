import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerApplicantUniformly } from "@/lib/platform/auth";
import { attachDocument } from "@/lib/cases/documents";
import { createTestDb, type TestDb } from "../../support/test-db";
import { uniqueBin } from "../../factories";
import { createDocumentScenario, pdfBytes, pngBytes, tempStorage } from "../../factories/documents";
import { countRows } from "./malformed";

// Issue 13 F10: registration told whether an account exists ("auth.already_registered");
// F12: an upload was judged by its first bytes only.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.drop());

const now = new Date("2026-11-30T05:00:00Z");
const meta = { ip: "10.0.0.1", userAgent: "vitest" };
const input = (identifier: string, password: string) => ({
  kind: "LEGAL_ENTITY" as const,
  identifier,
  name: "ТОО «Тест»",
  surname: "Тестов",
  givenName: "Тест",
  patronymic: "",
  email: "t@example.kz",
  phone: "+7 701 000 00 00",
  password,
  passwordConfirm: password,
});

describe("registration answers the same for a new and an existing IIN/BIN", () => {
  it("the second registration of a BIN gets the first one's answer and changes nothing", async () => {
    const bin = uniqueBin();
    const first = await registerApplicantUniformly(t.db, input(bin, "the-owners-password"), { now, meta, locale: "kk" });
    const user = await t.db.user.findUniqueOrThrow({ where: { login: bin }, select: { id: true, passwordHash: true, email: true } });
    const rows = await countRows(t.db);
    const audits = await t.db.auditEvent.count();

    const second = await registerApplicantUniformly(t.db, { ...input(bin, "an-attackers-password"), email: "attacker@example.kz" }, { now, meta, locale: "ru" });
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).not.toContain(user.id);
    expect(await t.db.user.findUniqueOrThrow({ where: { login: bin }, select: { id: true, passwordHash: true, email: true } })).toEqual(user);
    expect(await countRows(t.db)).toEqual(rows);
    expect(await t.db.auditEvent.count()).toBe(audits);
  });
});

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
