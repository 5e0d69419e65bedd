import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, can, type Actor } from "@/lib/platform/auth";
import { logger } from "@/lib/platform/log";
import { documentViewSelect, type TDocumentView } from "./document-view";
import type { FileStorage } from "./storage";


export type TReadDocumentInput = { actor: Actor; documentId: string };

/**
 * A live attachment and its bytes as a stream, scoped through its application: the owner
 * applicant, officers of the application's organisation and supervisors in scope. Anyone else —
 * administrators included — gets `errors.not_found`, as for a document that does not exist.
 */
export async function readDocument(
  db: DbOrTx,
  storage: FileStorage,
  input: TReadDocumentInput,
): Promise<{ document: TDocumentView; body: ReadableStream<Uint8Array> }> {
  const { actor } = input;
  if (actor.kind === "user" && !can(actor, "document.read")) throw new DomainError("errors.not_found");
  const doc = await db.document.findFirst({
    where: { id: input.documentId, deletedAt: null, application: { is: applicationScope(actor) } },
    select: { ...documentViewSelect, storageKey: true },
  });
  if (!doc) throw new DomainError("errors.not_found");
  // Verified while streaming: changed bytes fail the download before its last chunk.
  const body = await storage.stream(doc.storageKey, { size: doc.size, sha256: doc.sha256 });
  if (!body) {
    logger.error({ documentId: doc.id }, "document row without its file in storage");
    throw new DomainError("errors.not_found");
  }
  const { storageKey: _key, ...document } = doc;
  return { document, body };
}
