import { z } from "zod";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { applicationScope, type UserActor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { renderLicencePdfForSigning } from "@/lib/cases/licence-pdf";
import { recordFacts } from "@/lib/cases/licences";
import { readCertificate } from "@/lib/trust/pki";
import { sha256Hex } from "@/lib/trust/signatures";
import { SIGNING_REASON, registerDocumentInput } from "./document-input";
import { pendingDocument } from "./pending-record";

export const ZPrepareDecisionDocumentInput = z
  .object({
    applicationId: z.string().uuid(),
    expectedVersion: z.coerce.number().int().nonnegative(),
    /** The signer's certificate (base64 DER) from the opened key store: its name is printed. */
    certificateBase64: z.string().min(100).max(20_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "eds.errors.malformed_input" }),
  })
  .strict();
export type TPrepareDecisionDocumentInput = z.infer<typeof ZPrepareDecisionDocumentInput>;

export type PreparedDocument = { preparationId: string; pdf: Uint8Array; byteRange: [number, number, number, number]; number: string };

/**
 * The head is about to sign a licence decision: the final licence PDF is rendered with the
 * signer's name and an empty PAdES signature field, and kept (LicenceSigning) until the browser's
 * signature over its byte ranges arrives with `signDecision`. The number the PDF prints is reserved
 * for this application now and reused by later preparations and by the licence itself; should the
 * application end without a licence, that number stays unused (a gap in the sequence, audited as
 * `licence.document_prepared`).
 */
export async function prepareDecisionDocument(
  db: Db,
  ctx: { actor: UserActor; now: Date; meta?: RequestMeta },
  input: TPrepareDecisionDocumentInput,
): Promise<PreparedDocument> {
  const { actor, now } = ctx;
  if (!actor.canSign) throw new DomainError("workflow.no_signing_right");
  const certificateDer = new Uint8Array(Buffer.from(input.certificateBase64, "base64"));
  const certificate = readCertificate(certificateDer);
  if (certificate.purpose !== "signing") throw new DomainError("pki.wrong_key_usage");
  const signerName = certificate.commonName ?? certificate.subject;

  // Reserve the number and record the preparation in a short transaction; render outside it (font
  // subsetting takes a moment and must not hold the number counter's row lock).
  const { id, pending } = await db.$transaction(async (tx) => {
    const app = await tx.application.findFirst({ where: { AND: [{ id: input.applicationId }, applicationScope(actor)] } });
    if (!app) throw new DomainError("errors.not_found");
    if (app.version !== input.expectedVersion) throw new DomainError("workflow.stale_state");
    // The engine decides at signing whether this officer may sign now; here only: something to sign.
    if (app.status !== "IN_PROGRESS" || (app.decision as { signedById?: string } | null)?.signedById) {
      throw new DomainError("workflow.step_out_of_order", { reason: "nothing_to_sign" });
    }
    const existing = await tx.licenceSigning.findUnique({ where: { applicationId: app.id }, select: { reservedNumber: true } });
    const pending = await pendingDocument(tx, app, { reservedNumber: existing?.reservedNumber ?? null, now, signer: { name: signerName } });
    const data = {
      reservedNumber: pending.reservedNumber,
      preparedById: actor.userId,
      preparedAt: now,
      applicationVersion: app.version,
      certFingerprint: sha256Hex(certificateDer),
      facts: recordFacts(pending.record) as object,
      // Filled below once rendered; an unfilled preparation is never signable (checkPreparedDocument).
      pdf: new Uint8Array(),
      byteRange: [],
    };
    const row = await tx.licenceSigning.upsert({ where: { applicationId: app.id }, create: { applicationId: app.id, ...data }, update: data, select: { id: true } });
    await recordAudit(tx, {
      type: "licence.document_prepared",
      actor,
      at: now,
      entityType: "application",
      entityId: app.id,
      applicationId: app.id,
      organisationId: app.organisationId,
      data: { preparationId: row.id, number: pending.record.number, reservedNumber: pending.reservedNumber, kind: pending.kind, signer: signerName },
      meta: ctx.meta,
    });
    return { id: row.id, pending };
  });
  const prepared = await renderLicencePdfForSigning(registerDocumentInput(pending.record, { embedded: true, original: pending.original }), {
    name: signerName,
    reason: SIGNING_REASON,
    location: "Kazakhstan",
    signingTime: now,
  });
  await db.licenceSigning.update({ where: { id }, data: { pdf: new Uint8Array(prepared.pdf), byteRange: prepared.byteRange } });
  return { preparationId: id, pdf: prepared.pdf, byteRange: prepared.byteRange, number: pending.record.number };
}
