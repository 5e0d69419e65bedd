import forge from "node-forge";
import { DomainError } from "@/lib/platform/core";

/**
 * The CA side of self-service issuance: a PKCS#10 request is accepted only when its own
 * signature verifies (proof that the requester holds the private key) and its key is
 * RSA ≥ 2048 bits. Only the public key is used: the subject comes from the portal account,
 * never from what the CSR claims.
 */

export type CheckedCsr = { publicKeyPem: string; modulusBits: number };

/** A PEM CSR is about 1 KB; anything much larger is not one of ours. */
const MAX_CSR_CHARS = 16_000;
const MIN_MODULUS_BITS = 2048;
const INVALID = "pki.invalid_csr";

export function readCertificationRequest(pem: string): CheckedCsr {
  if (pem.length > MAX_CSR_CHARS) throw new DomainError("pki.input_too_large");
  let csr: forge.pki.CertificateSigningRequest;
  try {
    csr = forge.pki.certificationRequestFromPem(pem, true);
  } catch {
    throw new DomainError(INVALID, { reason: "unreadable" });
  }
  const key = csr.publicKey as forge.pki.rsa.PublicKey | null;
  if (!key || typeof key.n?.bitLength !== "function") throw new DomainError(INVALID, { reason: "not_rsa" });
  const modulusBits = key.n.bitLength();
  if (modulusBits < MIN_MODULUS_BITS) throw new DomainError(INVALID, { reason: "key_too_small" });
  let verified = false;
  try {
    verified = csr.verify();
  } catch {
    verified = false;
  }
  if (!verified) throw new DomainError(INVALID, { reason: "bad_signature" });
  return { publicKeyPem: forge.pki.publicKeyToPem(key), modulusBits };
}
