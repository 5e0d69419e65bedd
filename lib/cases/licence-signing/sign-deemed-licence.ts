import { z } from "zod";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import type { UserActor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { Db, DbOrTx } from "@/lib/platform/db";
import { appendSignatureField, embedCms, signedBytes, type ByteRange } from "@/lib/trust/pades";
import { readCertificate } from "@/lib/trust/pki";
import { sha256Hex, timeStampedDecisionCms, verifyAndRecordDecisionSignature } from "@/lib/trust/signatures";
import { loadLicenceRecord } from "@/lib/cases/licences";
import { PREPARED_DOCUMENT_TTL_MS } from "./check-prepared";
import { ensureDeemedDocument } from "./licence-pdf-file";
import { SIGNING_REASON } from "./document-input";
import type { PreparedDocument } from "./prepare-decision-document";

type Ctx = { actor: UserActor; now: Date; meta?: RequestMeta };

const ZBase64 = z.string().min(100).max(1_400_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "eds.errors.malformed_input" });

export const ZPrepareDeemedSignatureInput = z.object({ licenceId: z.string().uuid(), certificateBase64: ZBase64.max(20_000) }).strict();
export const ZSignDeemedLicenceInput = z.object({ licenceId: z.string().uuid(), preparationId: z.string().uuid(), cmsBase64: ZBase64 }).strict();

/**
 * A deemed-issued licence (tacit approval) of the head's own organisation whose document is still
 * the unsigned revision 1. Only a head with the signing right, in the issuing organisation.
 */
async function deemedLicence(db: DbOrTx, actor: UserActor, licenceId: string, now: Date) {
  if (!actor.canSign) throw new DomainError("workflow.no_signing_right");
  const licence = await db.licence.findFirst({
    where: { id: licenceId, organisationId: actor.organisationId ?? "-" },
    select: { id: true, number: true, tacit: true, applicationId: true, organisationId: true },
  });
  if (!licence) throw new DomainError("errors.not_found");
  const record = licence.tacit ? await loadLicenceRecord(db, { id: licenceId }) : null;
  if (record && !record.signer) await ensureDeemedDocument(db, record, actor, now);
  const latest = await db.licenceDocument.findFirst({
    where: { licenceId, duplicateId: null, annexId: null },
    orderBy: { revision: "desc" },
    select: { revision: true, pdf: true, sha256: true, signatureId: true },
  });
  if (!licence.tacit || !latest || latest.signatureId || latest.revision !== 1 || !licence.applicationId) throw new DomainError("licences.not_deemed_unsigned");
  return { licence, latest, applicationId: licence.applicationId };
}

/** Whether this officer may sign this licence's deemed-issued document now (for the page to offer it). */
export async function canSignDeemedLicence(db: DbOrTx, actor: UserActor, licenceId: string, now: Date): Promise<boolean> {
  if (!actor.canSign || actor.role === "APPLICANT") return false;
  try {
    await deemedLicence(db, actor, licenceId, now);
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}

/**
 * The head attaches a signature to a deemed-issued licence (at or after the hand-over): the
 * unsigned document gets a signature field in an incremental update, so revision 1 stays byte
 * for byte inside revision 2 and the printed "deemed issued" note stays true.
 */
export async function prepareDeemedSignature(db: Db, ctx: Ctx, input: z.infer<typeof ZPrepareDeemedSignatureInput>): Promise<PreparedDocument> {
  const { licence, latest } = await deemedLicence(db, ctx.actor, input.licenceId, ctx.now);
  const der = new Uint8Array(Buffer.from(input.certificateBase64, "base64"));
  const cert = readCertificate(der);
  if (cert.purpose !== "signing") throw new DomainError("pki.wrong_key_usage");
  const name = cert.commonName ?? cert.subject;
  const prepared = await appendSignatureField(new Uint8Array(latest.pdf), { name, reason: SIGNING_REASON, location: "Kazakhstan", signingTime: ctx.now });
  const data = {
    preparedById: ctx.actor.userId,
    preparedAt: ctx.now,
    certFingerprint: sha256Hex(der),
    facts: { revision: latest.revision, sha256: latest.sha256 },
    pdf: new Uint8Array(prepared.pdf),
    byteRange: prepared.byteRange,
  };
  const row = await db.$transaction(async (tx) => {
    const r = await tx.licenceSigning.upsert({ where: { licenceId: licence.id }, create: { licenceId: licence.id, ...data }, update: data, select: { id: true } });
    await recordAudit(tx, {
      type: "licence.document_prepared",
      actor: ctx.actor,
      at: ctx.now,
      entityType: "licence",
      entityId: licence.id,
      organisationId: licence.organisationId,
      data: { preparationId: r.id, number: licence.number, revision: latest.revision + 1, signer: name },
      meta: ctx.meta,
    });
    return r;
  });
  return { preparationId: row.id, pdf: prepared.pdf, byteRange: prepared.byteRange, number: licence.number };
}

/** Verifies the head's CMS over the new revision's byte ranges and keeps revision 2. */
export async function signDeemedLicence(db: Db, ctx: Ctx, input: z.infer<typeof ZSignDeemedLicenceInput>): Promise<{ revision: number; signatureId: string }> {
  const { licence, latest, applicationId } = await deemedLicence(db, ctx.actor, input.licenceId, ctx.now);
  const signing = await db.licenceSigning.findUnique({ where: { licenceId: licence.id } });
  const facts = signing?.facts as { sha256?: string } | undefined;
  if (
    !signing ||
    signing.id !== input.preparationId ||
    signing.preparedById !== ctx.actor.userId ||
    facts?.sha256 !== latest.sha256 ||
    ctx.now.getTime() - signing.preparedAt.getTime() > PREPARED_DOCUMENT_TTL_MS
  ) {
    throw new DomainError("licences.document_stale");
  }
  const byteRange = signing.byteRange as ByteRange;
  const signature = {
    actor: ctx.actor,
    applicationId,
    cms: new Uint8Array(Buffer.from(input.cmsBase64, "base64")),
    contentBytes: signedBytes(signing.pdf, byteRange),
    now: ctx.now,
    meta: ctx.meta,
    purpose: "DOCUMENT" as const,
  };
  // PAdES B-T when a time-stamp source is configured: the token is added once the signature verified.
  const cms = await timeStampedDecisionCms(db, signature);
  const verdict = await verifyAndRecordDecisionSignature(db, { ...signature, cms });
  if (verdict.status !== "valid" || !verdict.signatureId) throw new DomainError(`pki.detail.${verdict.status}`, { reason: verdict.reason });
  if (verdict.signer?.fingerprintSha256 !== signing.certFingerprint) throw new DomainError("licences.document_signer_differs");
  const signatureId = verdict.signatureId;
  const pdf = embedCms({ pdf: new Uint8Array(signing.pdf), byteRange }, cms);
  const revision = latest.revision + 1;
  await db.$transaction(async (tx) => {
    // Unique (licence, revision): a second signature racing this one fails here, not silently.
    await tx.licenceDocument.create({ data: { licenceId: licence.id, revision, pdf: new Uint8Array(pdf), sha256: sha256Hex(pdf), signatureId } });
    await tx.licenceSigning.delete({ where: { id: signing.id } });
    await recordAudit(tx, {
      type: "licence.document_signed",
      actor: ctx.actor,
      at: ctx.now,
      entityType: "licence",
      entityId: licence.id,
      applicationId,
      organisationId: licence.organisationId,
      data: { number: licence.number, revision, signatureId, deemedIssued: true },
      meta: ctx.meta,
    });
  });
  return { revision, signatureId };
}
