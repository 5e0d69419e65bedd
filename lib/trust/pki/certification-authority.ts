import { z } from "zod";
import { ZBin, ZIin } from "@/lib/platform/core";
import type { RevocationReason } from "./revocation-reason";

/**
 * What the portal needs from a certification authority. The sandbox CA implements all of
 * it; a real NCA RK adapter implements `TrustSource` (NCA roots/intermediates shipped with
 * the deployment, CRL fetched from NCA) and answers `issuePair`/`revoke` with
 * `pki.not_supported`, since NCA issues keys to people at its own registration points.
 */

export type TrustAnchors = {
  /** Root certificates (PEM). */
  anchors: string[];
  /** Issuing CA certificates (PEM). */
  intermediates: string[];
};

export interface TrustSource {
  trustAnchors(): Promise<TrustAnchors>;
  /** DER X.509 CRL of the issuing CA, current at `now`. */
  getCrl(now: Date): Promise<Uint8Array>;
}

/** Who a certificate is for: the NCA RK subject and its role (no key material). */
const ZHolderFields = z.object({
  kind: z.enum(["individual", "legal_entity"]),
  role: z.enum(["first_head", "signer", "employee"]).optional(),
  iin: ZIin,
  bin: ZBin.optional(),
  surname: z.string().trim().min(1).max(64),
  givenName: z.string().trim().min(1).max(64),
  patronymic: z.string().trim().min(1).max(64).optional(),
  organisation: z.string().trim().min(1).max(200).optional(),
  notBefore: z.date(),
  notAfter: z.date(),
});

function checkHolder(r: z.output<typeof ZHolderFields>, ctx: z.RefinementCtx): void {
  const issue = (path: string) => ctx.addIssue({ code: "custom", path: [path], message: "pki.invalid_issue_request" });
  if (r.kind === "legal_entity") {
    if (!r.bin) issue("bin");
    if (!r.organisation) issue("organisation");
  } else if (r.bin || r.organisation || r.role) {
    issue("kind");
  }
  if (!(r.notBefore < r.notAfter)) issue("notAfter");
}

/** A certificate for a key the holder generated themselves (CSR): the CA never sees the private key. */
export const ZCertificateHolder = ZHolderFields.superRefine(checkHolder);
export type TCertificateHolder = z.input<typeof ZCertificateHolder>;

/** A pair whose keys the CA generates and hands over in PKCS#12 files protected by `password`. */
export const ZIssuePairRequest = ZHolderFields.extend({ password: z.string().min(6).max(128) }).superRefine(checkHolder);
export type TIssuePairRequest = z.input<typeof ZIssuePairRequest>;

export type IssuedCertificate = {
  purpose: "signing" | "authentication";
  serial: string;
  certificatePem: string;
  /** PKCS#12 (DER): key, certificate and chain, protected by the request's password. */
  pkcs12: Uint8Array;
  notBefore: Date;
  notAfter: Date;
};

export type IssuedPair = {
  subject: string;
  authentication: IssuedCertificate;
  signing: IssuedCertificate;
};

/** A certificate issued for a public key from a CSR (no PKCS#12: the key never left its holder). */
export type IssuedPublicCertificate = Omit<IssuedCertificate, "pkcs12"> & { subject: string };

export interface CertificationAuthority extends TrustSource {
  issuePair(request: TIssuePairRequest): Promise<IssuedPair>;
  /** One certificate for `publicKeyPem` (checked CSR); a real NCA adapter answers pki.not_supported. */
  issueForKey(holder: TCertificateHolder, publicKeyPem: string, purpose: IssuedCertificate["purpose"]): Promise<IssuedPublicCertificate>;
  revoke(serial: string, reason: RevocationReason, at: Date): Promise<void>;
}
