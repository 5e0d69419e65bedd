import { z } from "zod";
import { ZBin, ZIin } from "@/lib/core";
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

export const ZIssuePairRequest = z
  .object({
    kind: z.enum(["individual", "legal_entity"]),
    role: z.enum(["first_head", "signer", "employee"]).optional(),
    iin: ZIin,
    bin: ZBin.optional(),
    surname: z.string().trim().min(1).max(64),
    givenName: z.string().trim().min(1).max(64),
    patronymic: z.string().trim().min(1).max(64).optional(),
    organisation: z.string().trim().min(1).max(200).optional(),
    password: z.string().min(6).max(128),
    notBefore: z.date(),
    notAfter: z.date(),
  })
  .superRefine((r, ctx) => {
    if (r.kind === "legal_entity") {
      if (!r.bin)
        ctx.addIssue({
          code: "custom",
          path: ["bin"],
          message: "pki.invalid_issue_request",
        });
      if (!r.organisation)
        ctx.addIssue({
          code: "custom",
          path: ["organisation"],
          message: "pki.invalid_issue_request",
        });
    } else if (r.bin || r.organisation || r.role) {
      ctx.addIssue({
        code: "custom",
        path: ["kind"],
        message: "pki.invalid_issue_request",
      });
    }
    if (!(r.notBefore < r.notAfter))
      ctx.addIssue({
        code: "custom",
        path: ["notAfter"],
        message: "pki.invalid_issue_request",
      });
  });
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

export interface CertificationAuthority extends TrustSource {
  issuePair(request: TIssuePairRequest): Promise<IssuedPair>;
  revoke(serial: string, reason: RevocationReason, at: Date): Promise<void>;
}
