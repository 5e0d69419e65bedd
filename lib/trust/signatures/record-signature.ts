import { createHash, randomUUID } from "node:crypto";
import { deferInsert, recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { type Actor, applicationScope } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import { Prisma, type DbOrTx, type SignaturePurpose } from "@/lib/platform/db";
import type { VerificationResult } from "@/lib/trust/pki";
import { type SignatureVerdict, verdictOf } from "./signer";

/** Shared by the request and decision use cases: scope check, audit, and the Signature row. */

export type RecordSignatureBase = {
  actor: Actor;
  applicationId: string;
  /** DER CMS SignedData (decode base64 at the boundary). */
  cms: Uint8Array;
  /** The exact bytes that were to be signed, re-computed by the server. */
  contentBytes: Uint8Array;
  now: Date;
  meta?: RequestMeta;
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The application in the actor's scope (out of scope = not found), for the audit's organisation. */
export async function scopedApplication(db: DbOrTx, actor: Actor, applicationId: string) {
  const app = await db.application.findFirst({
    where: { id: applicationId, ...applicationScope(actor) },
    select: { id: true, organisationId: true },
  });
  if (!app) throw new DomainError("errors.not_found");
  return app;
}

/**
 * Writes the verdict: always an audit row (`signature.verified` / `signature.rejected`);
 * a Signature row only for a valid signature. Nothing else about the application changes.
 */
export async function recordVerdict(
  db: DbOrTx,
  input: RecordSignatureBase & { purpose: SignaturePurpose; organisationId: string; result: VerificationResult },
): Promise<SignatureVerdict> {
  const { result, now, actor } = input;
  const contentSha256 = sha256Hex(input.contentBytes);
  let signatureId: string | undefined;
  if (result.status === "valid" && result.signer) {
    const s = result.signer;
    // Raw: a fixed statement of every submission (issue 14); the id is made here as Prisma would.
    // A request signature is referenced by nothing the same transaction writes (a decision's is,
    // by the licence), so it may go with the batch's audit statement (deferInsert). The signing
    // time recorded is the reception time: re-verification judges at this instant.
    signatureId = randomUUID();
    const insert = Prisma.sql`
      INSERT INTO "Signature" ("id", "purpose", "applicationId", "signerIin", "signerBin", "signerName", "certSerial", "certIssuer",
        "signingTime", "contentSha256", "cms", "status", "verifiedAt", "createdById", "createdAt")
      VALUES (${signatureId}, ${input.purpose}::"SignaturePurpose", ${input.applicationId}, ${s.iin ?? null}, ${s.bin ?? null},
        ${s.commonName ?? s.subject}, ${s.serial}, ${s.issuer}, ${now}, ${contentSha256}, ${new Uint8Array(input.cms)}, ${result.status}, ${now},
        ${actor.kind === "user" ? actor.userId : null}, ${new Date()})`;
    if (input.purpose === "REQUEST") await deferInsert(db, insert);
    else await db.$executeRaw(insert);
  }
  await recordAudit(db, {
    type: result.status === "valid" ? "signature.verified" : "signature.rejected",
    actor,
    at: now,
    entityType: "application",
    entityId: input.applicationId,
    applicationId: input.applicationId,
    organisationId: input.organisationId,
    data: {
      purpose: input.purpose,
      status: result.status,
      reason: result.reason ?? null,
      signatureId: signatureId ?? null,
      certSerial: result.signer?.serial ?? null,
      signerIin: result.signer?.iin ?? null,
      signerBin: result.signer?.bin ?? null,
      signerRole: result.signer?.subjectRole ?? null,
      claimedSigningTime: result.signingTime?.toISOString() ?? null,
      revokedAt: result.revokedAt?.toISOString() ?? null,
      timestampTime: result.timestamp?.time.toISOString() ?? null,
      timestampAuthority: result.timestamp?.tsa ?? null,
      contentSha256,
    },
    meta: input.meta,
  });
  return verdictOf(result, signatureId);
}
