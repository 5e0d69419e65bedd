import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import type { Db } from "@/lib/platform/db";
import { LocalFileStorage } from "@/lib/cases/documents";
import { createApplication, createOrganisation, createService, createSubject, createUser } from "./index";

const enc = new TextEncoder();

/** A tiny well-formed one-page PDF (pdf-lib loads it; `body` goes into a comment, so files differ). */
export function pdfBytes(body = "test"): Uint8Array {
  return enc.encode(
    `%PDF-1.4\n% ${body}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** A 1×1 baseline JPEG's marker structure: SOI, APP0 (JFIF), SOF0 (1×1, one component), SOS, data, EOI. */
export function jpegBytes(): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0xd2, 0xcf, 0x20, 0xff, 0xd9,
  ]);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

/** A valid 1×1 greyscale PNG (signature, IHDR, IDAT, IEND with their CRCs). */
export function pngBytes(): Uint8Array {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, 0]));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", ihdr), pngChunk("IDAT", idat), pngChunk("IEND", new Uint8Array())]));
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
