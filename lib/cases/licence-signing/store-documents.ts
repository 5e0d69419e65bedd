import canonicalize from "canonicalize";
import { recordAudit } from "@/lib/platform/audit";
import type { Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { Tx } from "@/lib/platform/db";
import { loadLicenceRecord, recordFacts, type TIssueLicenceResult } from "@/lib/cases/licences";
import { embedCms, signedBytes, type ByteRange } from "@/lib/trust/pades";
import { sha256Hex } from "@/lib/trust/signatures";

/** The number a prepared document of this application printed (kept for the licence), or null. */
export async function reservedNumberFor(tx: Tx, applicationId: string): Promise<string | null> {
  const row = await tx.licenceSigning.findUnique({ where: { applicationId }, select: { reservedNumber: true } });
  return row?.reservedNumber ?? null;
}

type StoreInput = { applicationId: string; organisationId: string; issued: TIssueLicenceResult; basis: "signed" | "tacit"; actor: Actor; now: Date };

/**
 * Keeps the issued document in the register, in the transaction that issues the licence:
 * - signed: the prepared PDF with the head's PAdES signature (the latest valid DOCUMENT signature
 *   of the application, verified by `signDecision` over the same byte ranges) embedded, after
 *   checking that the register now says what the PDF says;
 * - tacit approval: nothing yet; `ensureDeemedDocument` keeps the unsigned revision 1 when it is
 *   first needed (the renderer is deterministic, so it is the document as issued).
 * Nothing for a signed result prepared without a document (callers outside the portal's signing).
 */
export async function storeIssuedDocument(tx: Tx, o: StoreInput): Promise<void> {
  const { issued } = o;
  const key = { licenceId: issued.licenceId, duplicateId: issued.duplicateId ?? null, annexId: issued.annexId ?? null };
  if (await tx.licenceDocument.findFirst({ where: key, select: { id: true } })) return;
  const signing = await tx.licenceSigning.findUnique({ where: { applicationId: o.applicationId } });
  const record = await loadLicenceRecord(tx, { id: issued.licenceId }, { duplicateId: issued.duplicateId });
  if (!record) throw new DomainError("errors.not_found");
  const audit = (data: Record<string, unknown>) =>
    recordAudit(tx, { type: "licence.document_stored", actor: o.actor, at: o.now, entityType: "licence", entityId: issued.licenceId, applicationId: o.applicationId, organisationId: o.organisationId, data });

  if (o.basis === "tacit") {
    // The deemed-issued document is rendered (and kept) when first asked for, outside this
    // transaction: see ensureDeemedDocument. A preparation the head never signed ends here.
    if (signing) await tx.licenceSigning.delete({ where: { id: signing.id } });
    return;
  }
  if (!signing) return;
  const signature = await tx.signature.findFirst({
    where: { applicationId: o.applicationId, purpose: "DOCUMENT", status: "valid", createdAt: { gte: signing.preparedAt } },
    orderBy: { createdAt: "desc" },
    select: { id: true, cms: true, contentSha256: true },
  });
  if (!signature) throw new DomainError("licences.document_signature_required");
  const byteRange = signing.byteRange as ByteRange;
  if (sha256Hex(signedBytes(signing.pdf, byteRange)) !== signature.contentSha256) throw new DomainError("licences.document_mismatch", { reason: "byte_ranges" });
  if (canonicalize(recordFacts(record)) !== canonicalize(signing.facts)) throw new DomainError("licences.document_mismatch", { reason: "register" });
  const pdf = embedCms({ pdf: new Uint8Array(signing.pdf), byteRange }, new Uint8Array(signature.cms));
  const sha256 = sha256Hex(pdf);
  await tx.licenceDocument.create({ data: { ...key, revision: 1, pdf: new Uint8Array(pdf), sha256, signatureId: signature.id } });
  await tx.licenceSigning.delete({ where: { id: signing.id } });
  await audit({ number: issued.number, revision: 1, sha256, signed: true, signatureId: signature.id });
}
