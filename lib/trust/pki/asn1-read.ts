import forge from "node-forge";
import { DomainError, type ErrorCode } from "@/lib/platform/core";
import { fromBinaryString, toBinaryString } from "./bytes";

/**
 * Small typed reader over forge's generic ASN.1 decoder (isomorphic). forge's certificate
 * parser rejects non-RSA keys (GOST), so certificates are read structurally instead.
 */
type Asn1 = forge.asn1.Asn1;
export type { Asn1 };

const { Class, Type } = forge.asn1;
export { Class as Asn1Class, Type as Asn1Type };

type FromDerOptions = {
  strict: boolean;
  parseAllBytes: boolean;
  decodeBitStrings: boolean;
};
const fromDer = forge.asn1.fromDer as unknown as (bytes: string, options: FromDerOptions) => Asn1;

/** Decode DER; a decoder failure means "not DER", reported with `code`. */
export function decodeDer(bytes: Uint8Array | string, code: ErrorCode, strict = true): Asn1 {
  const raw = typeof bytes === "string" ? bytes : toBinaryString(bytes);
  try {
    return fromDer(raw, {
      strict,
      parseAllBytes: true,
      decodeBitStrings: false,
    });
  } catch (e) {
    // The only thing thrown here is forge's decoder rejecting the bytes.
    throw new DomainError(code, {
      reason: "not_der",
      cause: e instanceof Error ? e.message : String(e),
    });
  }
}

export function encodeDer(node: Asn1): Uint8Array {
  return fromBinaryString(forge.asn1.toDer(node).getBytes());
}

export function fail(code: ErrorCode, what: string): never {
  throw new DomainError(code, { reason: "bad_structure", at: what });
}

export function isUniversal(node: Asn1 | undefined, type: number): node is Asn1 {
  return node !== undefined && node.tagClass === Class.UNIVERSAL && node.type === type;
}

export function isContext(node: Asn1 | undefined, tag: number): node is Asn1 {
  return node !== undefined && node.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;
}

export function children(node: Asn1 | undefined, code: ErrorCode, what: string): Asn1[] {
  if (!node || !Array.isArray(node.value)) fail(code, what);
  return node.value as Asn1[];
}

export function sequence(node: Asn1 | undefined, code: ErrorCode, what: string): Asn1[] {
  if (!isUniversal(node, Type.SEQUENCE)) fail(code, what);
  return children(node, code, what);
}

/** Primitive content octets as a binary string (BER constructed strings are concatenated). */
export function octets(node: Asn1 | undefined, code: ErrorCode, what: string): string {
  if (!node) fail(code, what);
  if (typeof node.value === "string") return node.value;
  return (node.value as Asn1[]).map((c) => octets(c, code, what)).join("");
}

export function oid(node: Asn1 | undefined, code: ErrorCode, what: string): string {
  if (!isUniversal(node, Type.OID)) fail(code, what);
  return forge.asn1.derToOid(octets(node, code, what));
}

export function time(node: Asn1 | undefined, code: ErrorCode, what: string): Date {
  if (isUniversal(node, Type.UTCTIME)) return forge.asn1.utcTimeToDate(octets(node, code, what));
  if (isUniversal(node, Type.GENERALIZEDTIME)) return forge.asn1.generalizedTimeToDate(octets(node, code, what));
  fail(code, what);
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 4.1.2.5). */
export function timeNode(date: Date): Asn1 {
  const y = date.getUTCFullYear();
  return y >= 1950 && y < 2050
    ? forge.asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, forge.asn1.dateToUtcTime(date))
    : forge.asn1.create(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, forge.asn1.dateToGeneralizedTime(date));
}

export function oidNode(value: string): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(value).getBytes());
}

export function seqNode(items: Asn1[]): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
}

export function setNode(items: Asn1[]): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.SET, true, items);
}

export function octetNode(binary: string): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, binary);
}

export function nullNode(): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.NULL, false, "");
}

export function algorithmNode(algorithm: string, withNull = true): Asn1 {
  return seqNode(withNull ? [oidNode(algorithm), nullNode()] : [oidNode(algorithm)]);
}

/** INTEGER from a hex string (already minimal, positive). */
export function integerHexNode(hex: string): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.INTEGER, false, forge.util.hexToBytes(hex));
}

/** SET OF in DER order (sorted by encoding), as RFC 5652 requires for signed attributes. */
export function derSetOf(items: Asn1[]): Asn1 {
  const encoded = items.map((i) => ({
    node: i,
    der: forge.asn1.toDer(i).getBytes(),
  }));
  encoded.sort((a, b) => (a.der < b.der ? -1 : a.der > b.der ? 1 : 0));
  return setNode(encoded.map((e) => e.node));
}
