import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { auditDocument } from "./audit-document";
import { assertMayEditDocuments, findScopedApplication, slotsForApplication } from "./application-access";
import { documentViewSelect, type TDocumentView } from "./document-view";
import { cleanFileName } from "./file-name";
import { MAX_FILES_PER_SLOT, uploadMaxBytes } from "./limits";
import { detectDocumentType } from "./sniff-type";
import { verifyDocumentContent } from "./verify-content";
import { sha256Hex } from "./integrity";
import { newStorageKey, type FileStorage } from "./storage";

export type TAttachDocumentInput = {
  actor: Actor;
  applicationId: string;
  slotKey: string;
  /** As the client named it; kept for display only. */
  fileName: string;
  bytes: Uint8Array;
  now: Date;
  /** Scanned from paper at the counter. Clerks' uploads default to true; applicants' are never scans. */
  scanned?: boolean;
  /** The MIME type the client declared (multipart part header), checked against the content. */
  declaredType?: string | null;
  /** Defaults to `UPLOAD_MAX_BYTES` / 10 MiB. */
  maxBytes?: number;
  meta?: RequestMeta;
};

/**
 * Attaches a file to one slot of an application. Checks the content (size, magic bytes, label, then the whole file parsed),
 * the actor's right to edit, and the slot; then writes the file, and the row plus its audit in
 * one transaction. A single-file slot keeps one live file: the previous one is soft-deleted.
 * If the database write fails, the written file is removed again.
 */
export async function attachDocument(db: Db, storage: FileStorage, input: TAttachDocumentInput): Promise<TDocumentView> {
  const { actor, bytes, now } = input;
  if (bytes.length === 0) throw new DomainError("documents.empty");
  const maxBytes = input.maxBytes ?? uploadMaxBytes();
  if (bytes.length > maxBytes) throw new DomainError("documents.too_large", { maxBytes, size: bytes.length });
  const mimeType = detectDocumentType({ bytes, fileName: input.fileName, declaredType: input.declaredType });
  const fileName = cleanFileName(input.fileName);

  const app = await findScopedApplication(db, actor, input.applicationId);
  const who = assertMayEditDocuments(actor, app);
  const slot = slotsForApplication(app).find((s) => s.key === input.slotKey);
  if (!slot) throw new DomainError("documents.unknown_slot", { slotKey: input.slotKey });
  // The whole file, not just its first bytes (parsed only for a caller who may attach here).
  await verifyDocumentContent(mimeType, bytes);
  const scanned = who === "CLERK" ? (input.scanned ?? true) : false;

  const sha256 = sha256Hex(bytes);
  const storageKey = newStorageKey();
  await storage.put(storageKey, bytes, { size: bytes.length, sha256 });
  try {
    return await db.$transaction(async (tx) => {
      // Serialise attachments per application: the status re-check and the single-file
      // replacement must not interleave with another upload or with submission.
      await tx.$queryRaw`SELECT 1 FROM "Application" WHERE id = ${app.id} FOR UPDATE`;
      const current = await findScopedApplication(tx, actor, app.id);
      assertMayEditDocuments(actor, current);

      const live = await tx.document.findMany({ where: { applicationId: app.id, slotKey: slot.key, deletedAt: null }, select: { id: true } });
      if (slot.multiple && live.length >= MAX_FILES_PER_SLOT) throw new DomainError("documents.too_many", { max: MAX_FILES_PER_SLOT });
      const replaced = slot.multiple ? [] : live.map((d) => d.id);
      if (replaced.length > 0) await tx.document.updateMany({ where: { id: { in: replaced } }, data: { deletedAt: now } });

      const doc = await tx.document.create({
        data: {
          applicationId: app.id,
          slotKey: slot.key,
          fileName,
          mimeType,
          size: bytes.length,
          sha256,
          storageKey,
          scanned,
          uploadedById: actor.kind === "user" ? actor.userId : "system",
          createdAt: now,
        },
        select: documentViewSelect,
      });
      await auditDocument(tx, "document.attached", { documentId: doc.id, app }, input, { slotKey: slot.key, fileName, mimeType, size: bytes.length, sha256, scanned, replaced });
      return doc;
    });
  } catch (e) {
    await storage.delete(storageKey).catch(() => undefined);
    throw e;
  }
}
