import type { Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { renderLicencePdf } from "@/lib/cases/licence-pdf";
import { licenceReadScope, loadLicenceRecord } from "@/lib/cases/licences";
import { registerDocumentInput } from "./document-input";

/**
 * The licence PDF for the holder and the organisation's staff (supervisors in scope): the register's
 * document byte for byte — the newest revision of the licence (with an annex, the one that includes
 * it) or of the duplicate asked for. A licence issued before documents were kept is rendered from
 * the register as it was then (no embedded signature; its .p7s covers the decision record).
 */
export async function getLicencePdfFile(
  db: DbOrTx,
  actor: Actor,
  licenceId: string,
  opts: { duplicateId?: string | null } = {},
): Promise<{ fileName: string; pdf: Uint8Array; stored: boolean }> {
  const scope = licenceReadScope(actor);
  if (!scope) throw new DomainError("errors.not_found");
  const record = await loadLicenceRecord(db, { AND: [{ id: licenceId }, scope] }, opts);
  if (!record) throw new DomainError("errors.not_found");
  const fileName = `licence-${record.number}${opts.duplicateId ? "-duplicate" : ""}.pdf`;
  const doc = await db.licenceDocument.findFirst({
    where: { licenceId: record.id, duplicateId: opts.duplicateId ?? null },
    orderBy: [{ createdAt: "desc" }, { revision: "desc" }],
    select: { pdf: true },
  });
  if (doc) return { fileName, pdf: new Uint8Array(doc.pdf), stored: true };
  return { fileName, pdf: await renderLicencePdf(registerDocumentInput(record, { embedded: false })), stored: false };
}
