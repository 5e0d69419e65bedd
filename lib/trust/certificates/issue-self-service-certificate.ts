import { z } from "zod";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import type { Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { readCertificate, readCertificationRequest } from "@/lib/trust/pki/server";
import { DbSandboxCa } from "./sandbox-ca";
import { selfServiceHolder } from "./self-service-holder";

/**
 * Sandbox self-service: a signed-in applicant obtains a signing certificate for their own
 * account (see selfServiceHolder) for a key generated in their browser. The server receives
 * and keeps only the CSR's public key, so there is no private key or PKCS#12 to store.
 * Bounded per account: SELF_SERVICE_DAILY_LIMIT certificates per 24 hours.
 */

export const SELF_SERVICE_DAILY_LIMIT = 3;
/** One year, like a real NCA RK key, and slightly back-dated against clock skew. */
export const SELF_SERVICE_VALIDITY_MS = 365 * 24 * 3600_000;
const BACKDATE_MS = 5 * 60_000;
const DAY_MS = 24 * 3600_000;

export const ZSelfServiceCertificateInput = z.object({
  csr: z.string().trim().min(1, "pki.invalid_csr").max(16_000, "pki.input_too_large"),
});
export type TSelfServiceCertificateInput = z.infer<typeof ZSelfServiceCertificateInput>;

export type SelfServiceCertificate = {
  serial: string;
  subject: string;
  iin: string | null;
  bin: string | null;
  certificatePem: string;
  /** Issuing CA first, then the root: what the browser puts into the PKCS#12. */
  chainPem: string[];
  notBefore: Date;
  notAfter: Date;
};

export async function issueSelfServiceCertificate(
  db: DbOrTx,
  input: TSelfServiceCertificateInput & { actor: Actor; now: Date; meta?: RequestMeta; crlUrl?: string },
): Promise<SelfServiceCertificate> {
  const { csr } = ZSelfServiceCertificateInput.parse(input);
  const holder = await selfServiceHolder(db, input.actor);
  const { publicKeyPem } = readCertificationRequest(csr);
  const { userId, role, ...subject } = holder;
  const notBefore = new Date(input.now.getTime() - BACKDATE_MS);
  const notAfter = new Date(input.now.getTime() + SELF_SERVICE_VALIDITY_MS);

  const ca = new DbSandboxCa(db, { now: input.now, crlUrl: input.crlUrl });
  return ca.locked(async (locked, tx) => {
    // Counted under the CA lock, so parallel requests of one account cannot pass the bound together.
    const recent = await tx.issuedCertificate.count({
      where: { userId, p12: null, createdAt: { gt: new Date(input.now.getTime() - DAY_MS) } },
    });
    if (recent >= SELF_SERVICE_DAILY_LIMIT) throw new DomainError("testEds.errors.limit_reached", { limit: SELF_SERVICE_DAILY_LIMIT });

    const issued = await locked.issueForKey({ ...subject, ...(role === "individual" ? {} : { role }), notBefore, notAfter }, publicKeyPem, "signing");
    const info = readCertificate(issued.certificatePem);
    await tx.issuedCertificate.create({
      data: {
        serial: issued.serial,
        userId,
        subjectDn: info.subject,
        iin: info.iin,
        bin: info.bin,
        purpose: "SIGNING",
        role,
        notBefore,
        notAfter,
        p12: null,
        createdAt: input.now,
      },
    });
    await recordAudit(tx, {
      type: "pki.self_service_certificate_issued",
      actor: input.actor,
      at: input.now,
      entityType: "certificate",
      entityId: issued.serial,
      data: { subject: info.subject, role, iin: info.iin, bin: info.bin, userId, sandbox: true },
      meta: input.meta,
    });
    const anchors = await locked.trustAnchors();
    return {
      serial: issued.serial,
      subject: info.subject,
      iin: info.iin,
      bin: info.bin,
      certificatePem: issued.certificatePem,
      chainPem: [...anchors.intermediates, ...anchors.anchors],
      notBefore,
      notAfter,
    };
  });
}
