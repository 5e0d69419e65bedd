import { z } from "zod";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { type Actor, assertCan, systemActor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { REVOCATION_REASONS, type RevocationReason } from "@/lib/trust/pki";
import { DbSandboxCa } from "./sandbox-ca";
import { invalidateVerificationContext } from "./verification-context";

/** Reasons an administrator may choose (RFC 5280 names; certificate_hold is not offered: no un-revoke). */
export const ADMIN_REVOCATION_REASONS = [
  "key_compromise",
  "affiliation_changed",
  "superseded",
  "cessation_of_operation",
  "privilege_withdrawn",
  "unspecified",
] as const satisfies readonly RevocationReason[];

export const ZRevokeCertificateInput = z.object({
  serial: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{2,64}$/, { message: "validation.invalid_format" }),
  reason: z.enum(ADMIN_REVOCATION_REASONS),
});
export type TRevokeCertificateInput = z.infer<typeof ZRevokeCertificateInput>;

type RevokeInput = {
  serial: string;
  reason: RevocationReason;
  now: Date;
  meta?: RequestMeta;
  crlUrl?: string;
};

async function revoke(db: DbOrTx, actor: Actor, input: RevokeInput) {
  if (!(input.reason in REVOCATION_REASONS)) throw new DomainError("validation.invalid_value", { field: "reason" });
  const serial = input.serial.trim().toLowerCase();
  const result = await new DbSandboxCa(db, { now: input.now, crlUrl: input.crlUrl }).locked(async (ca, tx) => {
    if (await tx.certificateRevocation.findUnique({ where: { serial }, select: { serial: true } })) {
      throw new DomainError("pki.already_revoked", { serial });
    }
    // Throws pki.unknown_serial / pki.already_revoked from the CA state.
    await ca.revoke(serial, input.reason, input.now);
    const issued = await tx.issuedCertificate.findUnique({ where: { serial }, select: { subjectDn: true, userId: true } });
    const row = await tx.certificateRevocation.create({
      data: {
        serial,
        revokedAt: input.now,
        reason: input.reason,
        revokedById: actor.kind === "user" ? actor.userId : null,
      },
    });
    await recordAudit(tx, {
      type: "pki.certificate_revoked",
      actor,
      at: input.now,
      entityType: "certificate",
      entityId: serial,
      data: { reason: input.reason, subject: issued?.subjectDn ?? null, userId: issued?.userId ?? null },
      meta: input.meta,
    });
    return { serial: row.serial, revokedAt: row.revokedAt, reason: input.reason };
  });
  invalidateVerificationContext();
  return result;
}

/**
 * An administrator revokes a certificate of the sandbox CA: the CA state, the
 * CertificateRevocation row and the audit row commit together; the next CRL lists it and
 * every verification after that sees it.
 */
export async function revokeCertificate(db: DbOrTx, input: RevokeInput & { actor: Actor }) {
  assertCan(input.actor, "admin.pki");
  return revoke(db, input.actor, input);
}

/** For the demo seed and scripts only (no administrator at hand): same effect, audited as the system job. */
export async function revokeCertificateAsSystem(db: DbOrTx, input: RevokeInput & { job: string }) {
  return revoke(db, systemActor(input.job), input);
}
