import { createHash } from "node:crypto";
import { DomainError } from "@/lib/platform/core";
import { equalBytes } from "./bytes";
import type { DecodedCms } from "./cms-decode";
import { checkSignature, digestName } from "./signature-algorithms";
import type { TrustStore } from "./trust-store";
import type { ParsedCertificate } from "./x509";

/**
 * The signer certificate among the CMS certificates (by SignerIdentifier) and, when the CMS has
 * ESS signing-certificate(-v2), that it is the certificate the signer committed to. Shared by
 * signatures and time-stamp tokens; a failure is a `malformed` reason.
 */
export function identifySigner(
  cms: DecodedCms,
  trustStore: TrustStore,
): { ok: true; signer: ParsedCertificate; certs: ParsedCertificate[] } | { ok: false; reason: string } {
  let certs: ParsedCertificate[];
  try {
    certs = cms.certificates.map((der) => trustStore.certificate(der));
  } catch (e) {
    if (e instanceof DomainError && e.code === "pki.unsupported_format") return { ok: false, reason: "bad_certificate" };
    throw e;
  }
  const id = cms.signerId;
  const signer = certs.find((c) =>
    id.kind === "issuer_serial" ? c.issuerName === id.issuerName && c.serial === id.serial : c.subjectKeyIdentifier === id.ski,
  );
  if (!signer) return { ok: false, reason: "signer_certificate_missing" };
  if (cms.signingCertificate) {
    const essHash = digestName(cms.signingCertificate.digestOid);
    if (!essHash) return { ok: false, reason: "unsupported_algorithm" };
    const actual = new Uint8Array(createHash(essHash).update(signer.der).digest());
    if (!equalBytes(actual, cms.signingCertificate.hash)) return { ok: false, reason: "signing_certificate_mismatch" };
  }
  return { ok: true, signer, certs };
}

/** The signature over the signed attributes, then the message digest of `content`. */
export function checkIntegrity(
  cms: DecodedCms,
  signer: ParsedCertificate,
  content: Uint8Array,
): "ok" | "unsupported_algorithm" | "bad_signature" | "message_digest" {
  const hash = digestName(cms.digestOid);
  const key = signer.publicKey();
  if (!hash || !key) return "unsupported_algorithm";
  const sig = checkSignature({ signatureOid: cms.signatureOid, digestOid: cms.digestOid, key, data: cms.signedAttributes, signature: cms.signature });
  if (sig === "unsupported") return "unsupported_algorithm";
  if (sig === "invalid") return "bad_signature";
  const digest = new Uint8Array(createHash(hash).update(content).digest());
  return equalBytes(digest, cms.messageDigest) ? "ok" : "message_digest";
}
