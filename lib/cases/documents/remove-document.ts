import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { auditDocument } from "./audit-document";
import { assertMayEditDocuments, findScopedApplication } from "./application-access";

export type TRemoveDocumentInput = {
  actor: Actor;
  documentId: string;
  /** When given, the document must belong to this application (URL consistency). */
  applicationId?: string;
  now: Date;
  meta?: RequestMeta;
};

/**
 * Removes an attachment while the application is still editable (same rules as attaching).
 * Soft delete: the row keeps `deletedAt` and the file stays in storage for the audit trail.
 */
export async function removeDocument(db: Db, input: TRemoveDocumentInput): Promise<{ id: string; applicationId: string }> {
  const { actor, now } = input;
  return db.$transaction(async (tx) => {
    const doc = await tx.document.findFirst({
      where: {
        id: input.documentId,
        deletedAt: null,
        ...(input.applicationId ? { applicationId: input.applicationId } : {}),
        application: { is: applicationScope(actor) },
      },
      select: { id: true, applicationId: true, slotKey: true, fileName: true, sha256: true },
    });
    if (!doc || !doc.applicationId) throw new DomainError("errors.not_found");
    await tx.$queryRaw`SELECT 1 FROM "Application" WHERE id = ${doc.applicationId} FOR UPDATE`;
    const app = await findScopedApplication(tx, actor, doc.applicationId);
    assertMayEditDocuments(actor, app);
    const { count } = await tx.document.updateMany({ where: { id: doc.id, deletedAt: null }, data: { deletedAt: now } });
    if (count === 0) throw new DomainError("errors.not_found");
    await auditDocument(tx, "document.removed", { documentId: doc.id, app }, input, { slotKey: doc.slotKey, fileName: doc.fileName, sha256: doc.sha256 });
    return { id: doc.id, applicationId: app.id };
  });
}
