import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@/lib/platform/db";
import { LocalFileStorage } from "@/lib/cases/documents";
import { createApplication, createOrganisation, createService, createSubject, createUser } from "./index";

const enc = new TextEncoder();

/** A tiny but well-formed-looking PDF (only the magic bytes matter to the portal). */
export function pdfBytes(body = "test"): Uint8Array {
  return enc.encode(`%PDF-1.7\n% ${body}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export function jpegBytes(): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
}

export function pngBytes(): Uint8Array {
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
}

/** A local file storage in a fresh temp folder; `cleanup()` removes it. */
export async function tempStorage() {
  const dir = await mkdtemp(path.join(tmpdir(), "elicense-uploads-"));
  return { dir, storage: new LocalFileStorage(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A scrap-metal licence application (issue) with its applicant and an office clerk of its
 * organisation. Portal slots: `charter_scan` (required, single), `qualification_documents`
 * (required, multiple); provider (walk-in) slots: application, charter, tax_registration_certificate,
 * licence_fee_receipt, qualification_documents.
 */
export async function createDocumentScenario(db: Db, o: { status?: "DRAFT" | "SUBMITTED" | "IN_PROGRESS"; channel?: "PORTAL" | "PROVIDER" } = {}) {
  await createService(db, "scrap-metal-licence");
  const organisation = await createOrganisation(db);
  const subject = await createSubject(db);
  const { actor: applicant } = await createUser(db, "APPLICANT", { subjectId: subject.id });
  const { actor: clerk } = await createUser(db, "OFFICE_CLERK", { organisationId: organisation.id });
  const created = await createApplication(db, {
    organisationId: organisation.id,
    subjectId: subject.id,
    createdById: applicant.userId,
    status: o.status ?? "DRAFT",
  });
  const application =
    o.channel === "PROVIDER"
      ? await db.application.update({ where: { id: created.id }, data: { channel: "PROVIDER", intakeOfficerId: clerk.userId } })
      : created;
  return { organisation, subject, applicant, clerk, application };
}
