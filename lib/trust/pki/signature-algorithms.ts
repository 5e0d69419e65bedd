import { type KeyObject, verify } from "node:crypto";
import { OID } from "./oids";

/**
 * Signature algorithms the server verifies with node:crypto. This is the one place a
 * GOST (KZ 34.310) provider would be added for real NCA GOST keys; until then such
 * signatures come out as "unsupported" (reported as malformed / untrusted, never valid).
 */

const DIGEST_NAMES: Record<string, string> = {
  [OID.sha256]: "sha256",
  [OID.sha384]: "sha384",
  [OID.sha512]: "sha512",
};

const SIGNATURE_ALGORITHMS: Record<string, { hash: string; keyType: "rsa" | "ec" }> = {
  [OID.sha256WithRsa]: { hash: "sha256", keyType: "rsa" },
  [OID.sha384WithRsa]: { hash: "sha384", keyType: "rsa" },
  [OID.sha512WithRsa]: { hash: "sha512", keyType: "rsa" },
  [OID.ecdsaWithSha256]: { hash: "sha256", keyType: "ec" },
  [OID.ecdsaWithSha384]: { hash: "sha384", keyType: "ec" },
  [OID.ecdsaWithSha512]: { hash: "sha512", keyType: "ec" },
};

export function digestName(digestOid: string): string | null {
  return DIGEST_NAMES[digestOid] ?? null;
}

export type SignatureCheck = "valid" | "invalid" | "unsupported";

/**
 * `digestOid` is the CMS digestAlgorithm; with the bare rsaEncryption OID it selects the
 * hash, with a combined OID it must agree with it.
 */
export function checkSignature(p: {
  signatureOid: string;
  digestOid?: string;
  key: KeyObject;
  data: Uint8Array;
  signature: Uint8Array;
}): SignatureCheck {
  let alg = SIGNATURE_ALGORITHMS[p.signatureOid];
  if (!alg && p.signatureOid === OID.rsaEncryption && p.digestOid) {
    const hash = digestName(p.digestOid);
    if (hash) alg = { hash, keyType: "rsa" };
  }
  if (!alg) return "unsupported";
  if (p.digestOid && digestName(p.digestOid) !== alg.hash) return "unsupported";
  if (p.key.asymmetricKeyType !== alg.keyType) return "unsupported";
  const key = alg.keyType === "ec" ? { key: p.key, dsaEncoding: "der" as const } : p.key;
  return verify(alg.hash, p.data, key, p.signature) ? "valid" : "invalid";
}
