import type { UserActor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { docDate } from "@/lib/cases/licence-pdf";

/** How long a prepared document waits for its signature (the browser signs within seconds). */
export const PREPARED_DOCUMENT_TTL_MS = 30 * 60_000;

export type PreparedRow = { id: string; pdf: Uint8Array; byteRange: number[]; certFingerprint: string; preparedAt: Date };

/**
 * The licence PDF this signature is for: prepared by this officer for the application as it is
 * now, today (the PDF prints the date) and recently. Anything else is `licences.document_stale`:
 * the widget prepares the document again.
 */
export async function checkPreparedDocument(
  db: DbOrTx,
  o: { applicationId: string; actor: UserActor; version: number; now: Date; preparationId: string | undefined },
): Promise<PreparedRow> {
  if (!o.preparationId) throw new DomainError("licences.document_signature_required");
  const row = await db.licenceSigning.findUnique({ where: { applicationId: o.applicationId } });
  const stale =
    !row ||
    row.id !== o.preparationId ||
    row.preparedById !== o.actor.userId ||
    row.applicationVersion !== o.version ||
    row.byteRange.length !== 4 ||
    o.now.getTime() - row.preparedAt.getTime() > PREPARED_DOCUMENT_TTL_MS ||
    docDate(o.now) !== docDate(row.preparedAt);
  if (stale || !row) throw new DomainError("licences.document_stale");
  return { id: row.id, pdf: new Uint8Array(row.pdf), byteRange: row.byteRange, certFingerprint: row.certFingerprint, preparedAt: row.preparedAt };
}
