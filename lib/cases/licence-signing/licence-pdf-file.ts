import { recordAudit } from "@/lib/platform/audit";
import type { Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import { type DbOrTx, Prisma } from "@/lib/platform/db";
import { renderLicencePdf } from "@/lib/cases/licence-pdf";
import { licenceReadScope, loadLicenceRecord, type TLicenceRecord } from "@/lib/cases/licences";
import { sha256Hex } from "@/lib/trust/signatures";
import { registerDocumentInput } from "./document-input";

/**
 * The unsigned document of a deemed-issued licence (revision 1), kept in the register the first
 * time it is needed: rendered outside the issuing transaction (the renderer is deterministic, so
 * it prints what the licence was issued with). A second caller racing the first reads its row.
 */
export async function ensureDeemedDocument(db: DbOrTx, record: TLicenceRecord & { id: string }, actor: Actor | null, now: Date): Promise<{ pdf: Uint8Array; sha256: string }> {
  const key = { licenceId: record.id, duplicateId: null, annexId: null, revision: 1 };
  const found = await db.licenceDocument.findFirst({ where: key, select: { pdf: true, sha256: true } });
  if (found) return { pdf: new Uint8Array(found.pdf), sha256: found.sha256 };
  const pdf = await renderLicencePdf(registerDocumentInput(record, { embedded: false }));
  const sha256 = sha256Hex(pdf);
  try {
    await db.licenceDocument.create({ data: { ...key, pdf: new Uint8Array(pdf), sha256 } });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return ensureDeemedDocument(db, record, actor, now);
    throw e;
  }
  await recordAudit(db, { type: "licence.document_stored", actor, at: now, entityType: "licence", entityId: record.id, data: { number: record.number, revision: 1, sha256, signed: false, deemedIssued: true } });
  return { pdf, sha256 };
}

/**
 * The licence PDF for the holder and the organisation's staff (supervisors in scope): the register's
 * document byte for byte — the newest revision of the licence (with an annex, the one that includes
 * it) or of the duplicate asked for; a deemed-issued licence's document is kept on first download.
 * A licence issued before documents were kept is rendered from the register as it was then (no
 * embedded signature; its .p7s covers the decision record).
 */
export async function getLicencePdfFile(
  db: DbOrTx,
  actor: Actor,
  licenceId: string,
  opts: { duplicateId?: string | null; now?: Date } = {},
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
  if (record.tacit && !opts.duplicateId && !record.signer) {
    return { fileName, pdf: (await ensureDeemedDocument(db, record, actor, opts.now ?? record.issuedAt)).pdf, stored: true };
  }
  return { fileName, pdf: await renderLicencePdf(registerDocumentInput(record, { embedded: false })), stored: false };
}
