import forge from "node-forge";
import { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import { fromBinaryString } from "./bytes";
import { OID } from "./oids";

/**
 * The holder's side of self-service issuance (browser-safe): generate an RSA-2048 key pair
 * where it will be used, send only a PKCS#10 request, and wrap the issued certificate with the
 * key in a PKCS#12 protected by a password the server never sees.
 */

export type RsaKeyPair = { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey };

/** Password of a self-issued key store. */
export const ZKeyStorePassword = z.string().min(8, "pki.password_too_short").max(128, "pki.password_too_long");

/** The form: password typed twice. */
export const ZKeyStorePasswordInput = z
  .object({ password: ZKeyStorePassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "pki.password_mismatch" });
export type TKeyStorePasswordInput = z.infer<typeof ZKeyStorePasswordInput>;

const RSA_BITS = 2048;

function passwordRefusal(message: string | undefined): "pki.password_too_short" | "pki.password_too_long" {
  return message === "pki.password_too_long" ? message : "pki.password_too_short";
}

async function webCryptoKeyPair(subtle: SubtleCrypto): Promise<RsaKeyPair> {
  const pair = await subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: RSA_BITS, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  );
  const pkcs8 = new Uint8Array(await subtle.exportKey("pkcs8", pair.privateKey));
  let binary = "";
  for (const b of pkcs8) binary += String.fromCharCode(b);
  const privateKey = forge.pki.privateKeyFromAsn1(forge.asn1.fromDer(binary)) as forge.pki.rsa.PrivateKey;
  return { privateKey, publicKey: forge.pki.setRsaPublicKey(privateKey.n, privateKey.e) };
}

/** forge's pure-JS generation, in small steps so the page stays responsive (seconds, not a freeze). */
function forgeKeyPair(): Promise<RsaKeyPair> {
  return new Promise((resolve, reject) => {
    forge.pki.rsa.generateKeyPair({ bits: RSA_BITS, e: 0x10001 }, (err, keys) => (err ? reject(err) : resolve(keys)));
  });
}

/** RSA-2048 with the platform's generator (WebCrypto), else forge. */
export async function generateRsaKeyPairInPlace(): Promise<RsaKeyPair> {
  const subtle = globalThis.crypto?.subtle;
  try {
    return subtle ? await webCryptoKeyPair(subtle) : await forgeKeyPair();
  } catch {
    throw new DomainError("pki.key_generation_failed");
  }
}

/** PKCS#10 request signed with the new key (proof of possession). The CA takes the subject from the account. */
export function createCertificationRequest(keys: RsaKeyPair): string {
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = keys.publicKey;
  csr.setSubject([{ type: OID.commonName, value: "self-service request" }]);
  csr.sign(keys.privateKey, forge.md.sha256.create());
  return forge.pki.certificationRequestToPem(csr);
}

function samePublicKey(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate): boolean {
  const pub = cert.publicKey as forge.pki.rsa.PublicKey;
  return pub.n.equals(key.n) && pub.e.equals(key.e);
}

/**
 * PKCS#12 with the key, the issued certificate and its chain (issuer first), protected by
 * `password` (3DES/SHA-1 MAC, 2048 iterations: the profile NCALayer and OpenSSL 3 open).
 */
export function buildKeyStore(o: { privateKey: forge.pki.rsa.PrivateKey; certificatePem: string; chainPem: readonly string[]; password: string; friendlyName: string }): Uint8Array {
  const password = ZKeyStorePassword.safeParse(o.password);
  if (!password.success) throw new DomainError(passwordRefusal(password.error.issues[0]?.message));
  const certificate = forge.pki.certificateFromPem(o.certificatePem, true);
  if (!samePublicKey(o.privateKey, certificate)) throw new DomainError("pki.key_mismatch");
  const chain = o.chainPem.map((p) => forge.pki.certificateFromPem(p, true));
  const p12 = forge.pkcs12.toPkcs12Asn1(o.privateKey, [certificate, ...chain], password.data, {
    algorithm: "3des",
    count: 2048,
    friendlyName: o.friendlyName,
  });
  return fromBinaryString(forge.asn1.toDer(p12).getBytes());
}
