import type { DbOrTx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { findScopedApplication } from "./application-access";
import { documentViewSelect, type TDocumentView } from "./document-view";

/** The live attachments of an application the actor may see (oldest first); else `errors.not_found`. */
export async function listDocuments(db: DbOrTx, actor: Actor, applicationId: string): Promise<TDocumentView[]> {
  const app = await findScopedApplication(db, actor, applicationId);
  return db.document.findMany({
    where: { applicationId: app.id, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: documentViewSelect,
  });
}
