import { recordAudit } from "@/lib/platform/audit";
import type { Actor } from "@/lib/platform/auth";
import type { DbOrTx } from "@/lib/platform/db";
import { type IssuedCertificate, type KeyPairGenerator, type TIssuePairRequest, readCertificate } from "@/lib/trust/pki/server";
import { DbSandboxCa } from "./sandbox-ca";

/** Role column of IssuedCertificate: the certificate's subject role as the CA issued it. */
export type CertificateHolderRole = "individual" | "first_head" | "signer" | "employee";

export type IssuedCertificateRecord = {
  serial: string;
  purpose: "AUTHENTICATION" | "SIGNING";
  subjectDn: string;
  notBefore: Date;
  notAfter: Date;
  /** Only when kept (demo key stores): the PKCS#12 protected by the request's password. */
  pkcs12: Uint8Array | null;
};

export type IssueCertificatePairInput = {
  request: TIssuePairRequest;
  /** The portal account the pair belongs to (the applicant account for a company's staff). */
  userId: string | null;
  actor: Actor;
  now: Date;
  /** Store the PKCS#12 (demo only: whoever can read the row can sign as the holder). */
  keepPkcs12: boolean;
  crlUrl?: string;
  keyGenerator?: KeyPairGenerator;
};

function roleOf(request: TIssuePairRequest): CertificateHolderRole {
  return request.kind === "individual" ? "individual" : (request.role ?? "employee");
}

/**
 * Issues an authentication + signing pair with the sandbox CA and records both in
 * IssuedCertificate, with an audit row, in the transaction that advances the CA's serials.
 */
export async function issueCertificatePair(db: DbOrTx, input: IssueCertificatePairInput) {
  const ca = new DbSandboxCa(db, { now: input.now, crlUrl: input.crlUrl, keyGenerator: input.keyGenerator });
  return ca.locked(async (locked, tx) => {
    const pair = await locked.issuePair(input.request);
    const role = roleOf(input.request);
    const record = async (c: IssuedCertificate): Promise<IssuedCertificateRecord> => {
      const info = readCertificate(c.certificatePem);
      const purpose = c.purpose === "signing" ? "SIGNING" : "AUTHENTICATION";
      const pkcs12 = input.keepPkcs12 ? new Uint8Array(c.pkcs12) : null;
      await tx.issuedCertificate.create({
        data: {
          serial: c.serial,
          userId: input.userId,
          subjectDn: info.subject,
          iin: info.iin,
          bin: info.bin,
          purpose,
          role,
          notBefore: c.notBefore,
          notAfter: c.notAfter,
          p12: pkcs12,
        },
      });
      return { serial: c.serial, purpose, subjectDn: info.subject, notBefore: c.notBefore, notAfter: c.notAfter, pkcs12 };
    };
    const authentication = await record(pair.authentication);
    const signing = await record(pair.signing);
    await recordAudit(tx, {
      type: "pki.certificates_issued",
      actor: input.actor,
      at: input.now,
      entityType: "certificate",
      entityId: signing.serial,
      data: { subject: pair.subject, role, userId: input.userId, serials: [authentication.serial, signing.serial] },
    });
    return { subject: pair.subject, role, authentication, signing };
  });
}
