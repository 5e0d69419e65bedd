import { type KeyObject, createHash, createPublicKey } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { DomainError } from "@/lib/platform/core";
import { normaliseSerial, toHex } from "./bytes";
import { type CertificateInfo, readCertificate } from "./certificate";
import { DerError, TAG, type Tlv, childrenOf, contextTag, expectTag, readDer, readOid } from "./der";
import { OID } from "./oids";

/**
 * Server-side certificate view: raw DER pieces for chain building (exact name bytes,
 * TBS, signature), a node:crypto key, and `info` — the same classification the browser
 * computes (certificate.ts), so both sides agree on purpose and role. Parsed once per
 * distinct certificate and cached by fingerprint in the TrustStore.
 */
export type ParsedCertificate = {
  der: Uint8Array;
  fingerprint: string;
  info: CertificateInfo;
  /** Hex of the DER-encoded subject / issuer Name, for exact name chaining. */
  subjectName: string;
  issuerName: string;
  serial: string;
  tbs: Uint8Array;
  signatureOid: string;
  signature: Uint8Array;
  /** SHA-256 of the SubjectPublicKeyInfo. */
  keyId: string;
  subjectKeyIdentifier: string | null;
  authorityKeyIdentifier: string | null;
  /** node:crypto key, or null when the key algorithm is not supported (e.g. GOST). */
  publicKey(): KeyObject | null;
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

type PkijsClass<T> = { new (params: { schema: unknown }): T; schema(): unknown };

/**
 * Build a pkijs object from a decoded block, or null when the input does not have the
 * structure. pkijs reports a schema mismatch with a plain Error, so a failure counts as
 * "malformed input" only when asn1js confirms the mismatch; any other exception propagates.
 */
export function construct<T>(cls: PkijsClass<T>, block: asn1js.AsnType): T | null {
  try {
    return new cls({ schema: block });
  } catch (e) {
    if (e instanceof pkijs.AsnError) return null;
    if (!asn1js.compareSchema(block, block, cls.schema() as asn1js.AsnType).verified) return null;
    throw e;
  }
}

/** Bit string content without the unused-bits octet (which must be 0 for keys and signatures). */
export function bitStringBytes(t: Tlv | undefined): Uint8Array {
  const v = expectTag(t, TAG.BIT_STRING, "bit_string").value;
  if (v.length === 0 || v[0] !== 0) throw new DerError("bad_bit_string");
  return v.subarray(1);
}

function keyIdentifiers(extensions: Tlv | undefined): { ski: string | null; aki: string | null } {
  let ski: string | null = null;
  let aki: string | null = null;
  if (!extensions) return { ski, aki };
  for (const ext of childrenOf(expectTag(childrenOf(extensions)[0], TAG.SEQUENCE, "extensions"))) {
    const parts = childrenOf(ext);
    const id = readOid(parts[0]);
    const value = expectTag(parts[parts.length - 1], TAG.OCTET_STRING, "extension_value").value;
    if (id === OID.subjectKeyIdentifier) ski = toHex(expectTag(readDer(value), TAG.OCTET_STRING, "ski").value);
    if (id === OID.authorityKeyIdentifier) {
      const kid = childrenOf(expectTag(readDer(value), TAG.SEQUENCE, "aki")).find(
        (c) => c.tag === contextTag(0, false),
      );
      if (kid) aki = toHex(kid.value);
    }
  }
  return { ski, aki };
}

/** Parse a DER certificate; `pki.unsupported_format` when it is not one. */
export function parseCertificateDer(input: Uint8Array): ParsedCertificate {
  const der = input.slice();
  const info = readCertificate(der);
  try {
    const [tbsTlv, sigAlg, sigValue] = childrenOf(expectTag(readDer(der), TAG.SEQUENCE, "certificate"));
    const tbs = childrenOf(expectTag(tbsTlv, TAG.SEQUENCE, "tbs"));
    let i = tbs[0]?.tag === contextTag(0, true) ? 1 : 0;
    const serial = expectTag(tbs[i++], TAG.INTEGER, "serial");
    i++; // signature algorithm (repeated outside the TBS)
    const issuer = expectTag(tbs[i++], TAG.SEQUENCE, "issuer");
    i++; // validity (read by readCertificate)
    const subject = expectTag(tbs[i++], TAG.SEQUENCE, "subject");
    const spki = expectTag(tbs[i++], TAG.SEQUENCE, "spki");
    const { ski, aki } = keyIdentifiers(tbs.slice(i).find((t) => t.tag === contextTag(3, true)));
    let key: KeyObject | null | undefined;
    return {
      der,
      fingerprint: sha256Hex(der),
      info,
      subjectName: toHex(subject.bytes),
      issuerName: toHex(issuer.bytes),
      serial: normaliseSerial(toHex(serial.value)),
      tbs: tbsTlv!.bytes,
      signatureOid: readOid(childrenOf(expectTag(sigAlg, TAG.SEQUENCE, "signature_algorithm"))[0]),
      signature: bitStringBytes(sigValue),
      keyId: sha256Hex(spki.bytes),
      subjectKeyIdentifier: ski,
      authorityKeyIdentifier: aki,
      publicKey() {
        if (key === undefined) {
          try {
            key = createPublicKey({ key: Buffer.from(spki.bytes), format: "der", type: "spki" });
          } catch {
            // node:crypto cannot import this key type (e.g. GOST): the algorithm is unsupported.
            key = null;
          }
        }
        return key;
      },
    };
  } catch (e) {
    if (e instanceof DerError) throw new DomainError("pki.unsupported_format", { reason: e.reason });
    throw e;
  }
}
