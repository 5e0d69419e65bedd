import forge from "node-forge";
import { DomainError } from "@/lib/platform/core";
import {
  type Asn1,
  Asn1Type,
  children,
  decodeDer,
  fail,
  isContext,
  isUniversal,
  octets,
  oid,
  sequence,
  time,
} from "./asn1-read";
import { derObject, fromBinaryString, normaliseSerial } from "./bytes";
import {
  type CertificatePurpose,
  type KeyUsageFlags,
  type SubjectRole,
  classifyPurpose,
  classifyRole,
} from "./classify";
import { OID } from "./oids";

/**
 * Certificate reading (isomorphic, forge's ASN.1 decoder only): the browser uses it to
 * refuse a login key before signing, the server to classify signer certificates.
 * Purpose and role come from extensions only; name attributes only give identity.
 */

export type { CertificatePurpose, KeyUsageFlags, SubjectRole } from "./classify";
export { classifyPurpose, classifyRole } from "./classify";

export type NameAttribute = { oid: string; name: string; value: string };

export type CertificateInfo = {
  /** Lowercase hex, no leading zero bytes. */
  serial: string;
  /** Attributes in certificate order, e.g. "CN=…, SURNAME=…, SERIALNUMBER=IIN…, C=KZ". */
  issuer: string;
  subject: string;
  subjectAttributes: NameAttribute[];
  /** From SERIALNUMBER=IIN<12 digits>; null when absent or ambiguous. */
  iin: string | null;
  /** From OU=BIN<12 digits>; null when absent or ambiguous. */
  bin: string | null;
  organisation: string | null;
  commonName: string | null;
  surname: string | null;
  /** The G attribute; NCA RK puts the patronymic there. */
  givenName: string | null;
  notBefore: Date;
  notAfter: Date;
  purpose: CertificatePurpose;
  subjectRole: SubjectRole;
  policies: string[];
  extendedKeyUsage: string[];
  keyUsage: KeyUsageFlags | null;
  isCa: boolean;
  pathLenConstraint: number | null;
  publicKeyAlgorithm: string;
  /** Critical extensions this module does not interpret; a verifier must refuse such a certificate. */
  unhandledCriticalExtensions: string[];
  /** Every extension marked critical (e.g. extKeyUsage of a time-stamping certificate, RFC 3161 2.3). */
  criticalExtensions: string[];
};

const CODE = "pki.unsupported_format";

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: "CN",
  [OID.surname]: "SURNAME",
  [OID.serialNumber]: "SERIALNUMBER",
  [OID.country]: "C",
  [OID.locality]: "L",
  [OID.state]: "ST",
  [OID.organisation]: "O",
  [OID.organisationalUnit]: "OU",
  [OID.givenName]: "G",
  [OID.email]: "E",
};

function decodeUtf16be(bin: string): string {
  let out = "";
  for (let i = 0; i + 1 < bin.length; i += 2)
    out += String.fromCharCode((bin.charCodeAt(i) << 8) | bin.charCodeAt(i + 1));
  return out;
}

function decodeUtf32be(bin: string): string {
  let out = "";
  for (let i = 0; i + 3 < bin.length; i += 4) {
    const cp =
      ((bin.charCodeAt(i) << 24) |
        (bin.charCodeAt(i + 1) << 16) |
        (bin.charCodeAt(i + 2) << 8) |
        bin.charCodeAt(i + 3)) >>>
      0;
    out += String.fromCodePoint(cp);
  }
  return out;
}

function stringValue(node: Asn1): string {
  const raw = octets(node, CODE, "name value");
  switch (node.type as number) {
    case Asn1Type.UTF8:
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(fromBinaryString(raw));
      } catch {
        fail(CODE, "utf8 name value");
      }
    case Asn1Type.BMPSTRING:
      return decodeUtf16be(raw);
    case 28: // UniversalString
      return decodeUtf32be(raw);
    default: // PrintableString, IA5String, TeletexString, NumericString, VisibleString
      return raw;
  }
}

export function readName(node: Asn1 | undefined): NameAttribute[] {
  const attrs: NameAttribute[] = [];
  for (const rdn of sequence(node, CODE, "name")) {
    for (const atv of children(rdn, CODE, "rdn")) {
      const [type, value] = sequence(atv, CODE, "attribute");
      const o = oid(type, CODE, "attribute type");
      if (!value) fail(CODE, "attribute value");
      attrs.push({
        oid: o,
        name: SHORT_NAMES[o] ?? o,
        value: stringValue(value),
      });
    }
  }
  return attrs;
}

function escapeDnValue(v: string): string {
  return v
    .replace(/([,+"\\<>;=])/g, "\\$1")
    .replace(/^([ #])/, "\\$1")
    .replace(/ $/, "\\ ");
}

export function formatName(attrs: NameAttribute[]): string {
  return attrs.map((a) => `${a.name}=${escapeDnValue(a.value)}`).join(", ");
}

/** The single value matching `re` among attributes `attrOid`, or null when absent or contradictory. */
function uniqueMatch(attrs: NameAttribute[], attrOid: string, re: RegExp): string | null {
  const found = new Set<string>();
  for (const a of attrs) {
    if (a.oid !== attrOid) continue;
    const m = re.exec(a.value.trim());
    if (m?.[1]) found.add(m[1]);
  }
  return found.size === 1 ? [...found][0]! : null;
}

function firstValue(attrs: NameAttribute[], attrOid: string): string | null {
  return attrs.find((a) => a.oid === attrOid)?.value ?? null;
}

function readKeyUsage(value: Asn1): KeyUsageFlags {
  if (!isUniversal(value, Asn1Type.BITSTRING)) fail(CODE, "keyUsage");
  const raw = octets(value, CODE, "keyUsage");
  const b0 = raw.length > 1 ? raw.charCodeAt(1) : 0;
  return {
    digitalSignature: (b0 & 0x80) !== 0,
    nonRepudiation: (b0 & 0x40) !== 0,
    keyEncipherment: (b0 & 0x20) !== 0,
    dataEncipherment: (b0 & 0x10) !== 0,
    keyAgreement: (b0 & 0x08) !== 0,
    keyCertSign: (b0 & 0x04) !== 0,
    cRLSign: (b0 & 0x02) !== 0,
  };
}

type Extensions = {
  keyUsage: KeyUsageFlags | null;
  eku: string[];
  policies: string[];
  isCa: boolean;
  pathLen: number | null;
  unhandledCritical: string[];
  critical: string[];
};

const HANDLED_EXTENSIONS: readonly string[] = [
  OID.keyUsage,
  OID.extKeyUsage,
  OID.certificatePolicies,
  OID.basicConstraints,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.crlDistributionPoints,
  "2.5.29.17", // subjectAltName: informational only
];

function readExtensions(node: Asn1 | undefined): Extensions {
  const out: Extensions = {
    keyUsage: null,
    eku: [],
    policies: [],
    isCa: false,
    pathLen: null,
    unhandledCritical: [],
    critical: [],
  };
  if (!node) return out;
  const seen = new Set<string>();
  for (const ext of sequence(children(node, CODE, "extensions")[0], CODE, "extensions")) {
    const parts = sequence(ext, CODE, "extension");
    const id = oid(parts[0], CODE, "extension id");
    // RFC 5280 4.2: a certificate must not include more than one instance of an extension.
    if (seen.has(id)) fail(CODE, "duplicate extension");
    seen.add(id);
    const valueNode = parts[parts.length - 1];
    const critical =
      parts.length === 3 && isUniversal(parts[1], Asn1Type.BOOLEAN) && octets(parts[1], CODE, "critical") !== "\x00";
    if (critical) out.critical.push(id);
    if (critical && !HANDLED_EXTENSIONS.includes(id)) out.unhandledCritical.push(id);
    if (!isUniversal(valueNode, Asn1Type.OCTETSTRING)) fail(CODE, "extension value");
    const value = () => decodeDer(octets(valueNode, CODE, "extension value"), CODE);
    if (id === OID.keyUsage) out.keyUsage = readKeyUsage(value());
    else if (id === OID.extKeyUsage) out.eku = sequence(value(), CODE, "eku").map((n) => oid(n, CODE, "eku"));
    else if (id === OID.certificatePolicies)
      out.policies = sequence(value(), CODE, "policies").map((p) =>
        oid(sequence(p, CODE, "policy")[0], CODE, "policy"),
      );
    else if (id === OID.basicConstraints) {
      const bc = sequence(value(), CODE, "basicConstraints");
      let i = 0;
      if (isUniversal(bc[0], Asn1Type.BOOLEAN)) {
        out.isCa = octets(bc[0], CODE, "cA") !== "\x00";
        i = 1;
      }
      if (isUniversal(bc[i], Asn1Type.INTEGER)) out.pathLen = forge.asn1.derToInteger(octets(bc[i], CODE, "pathLen"));
    }
  }
  return out;
}

/** Parse an X.509 certificate (DER bytes, or PEM text/bytes). */
export function readCertificate(input: Uint8Array | string): CertificateInfo {
  const der = derObject(input, ["CERTIFICATE"]);
  const root = sequence(decodeDer(der, CODE), CODE, "certificate");
  const tbs = sequence(root[0], CODE, "tbsCertificate");
  let i = isContext(tbs[0], 0) ? 1 : 0;
  const serialNode = tbs[i++];
  if (!isUniversal(serialNode, Asn1Type.INTEGER)) fail(CODE, "serial");
  i++; // signature algorithm
  const issuer = readName(tbs[i++]);
  const validity = sequence(tbs[i++], CODE, "validity");
  const subject = readName(tbs[i++]);
  const spki = sequence(tbs[i++], CODE, "subjectPublicKeyInfo");
  const publicKeyAlgorithm = oid(sequence(spki[0], CODE, "spki algorithm")[0], CODE, "spki algorithm");
  const extNode = tbs.slice(i).find((n) => isContext(n, 3));
  const ext = readExtensions(extNode);

  return {
    serial: normaliseSerial(forge.util.bytesToHex(octets(serialNode, CODE, "serial"))),
    issuer: formatName(issuer),
    subject: formatName(subject),
    subjectAttributes: subject,
    iin: uniqueMatch(subject, OID.serialNumber, /^IIN(\d{12})$/),
    bin: uniqueMatch(subject, OID.organisationalUnit, /^BIN(\d{12})$/),
    organisation: firstValue(subject, OID.organisation),
    commonName: firstValue(subject, OID.commonName),
    surname: firstValue(subject, OID.surname),
    givenName: firstValue(subject, OID.givenName),
    notBefore: time(validity[0], CODE, "notBefore"),
    notAfter: time(validity[1], CODE, "notAfter"),
    purpose: classifyPurpose(ext.keyUsage, ext.eku, ext.policies),
    subjectRole: classifyRole(ext.eku),
    policies: ext.policies,
    extendedKeyUsage: ext.eku,
    keyUsage: ext.keyUsage,
    isCa: ext.isCa,
    pathLenConstraint: ext.pathLen,
    publicKeyAlgorithm,
    unhandledCriticalExtensions: ext.unhandledCritical,
    criticalExtensions: ext.critical,
  };
}

/** Refuse a certificate that is not a signing key (e.g. the login key) before anything is signed. */
export function assertPurpose(info: CertificateInfo, purpose: "signing" | "authentication"): void {
  if (info.purpose !== purpose) {
    throw new DomainError("pki.wrong_key_usage", {
      expected: purpose,
      actual: info.purpose,
      serial: info.serial,
    });
  }
}
