import forge from "node-forge";
import { DomainError } from "@/lib/platform/core";
import {
  type Asn1,
  Asn1Class,
  Asn1Type,
  children,
  decodeDer,
  encodeDer,
  fail,
  isContext,
  isUniversal,
  octets,
  oid,
  oidNode,
  seqNode,
  sequence,
} from "./asn1-read";
import { fromBinaryString, normaliseSerial, toBinaryString } from "./bytes";
import { formatName, readName } from "./certificate";

/**
 * RFC 3161 (Time-Stamp Protocol) messages, encoded and read with forge's ASN.1 only (browser-safe):
 * TimeStampReq, TimeStampResp and the TSTInfo a token signs. No cryptography here: the client
 * (tsp-client.ts) and the verifier (tsp-verify.ts) check what these carry; the sandbox TSA
 * (ca-sandbox/tsa.ts) answers with them. Every structural fault is `pki.timestamp_invalid`
 * with a `reason`.
 */

const CODE = "pki.timestamp_invalid";

/** PKIStatus (RFC 3161 2.4.2). */
export const PKI_STATUS = { granted: 0, grantedWithMods: 1, rejection: 2, waiting: 3, revocationWarning: 4, revocationNotification: 5 } as const;

/** PKIFailureInfo bit numbers (RFC 3161 2.4.2). */
export const PKI_FAILURE = { badAlg: 0, badRequest: 2, badDataFormat: 5, timeNotAvailable: 14, unacceptedPolicy: 15, unacceptedExtension: 16, systemFailure: 25 } as const;

/** hashAlgorithm and hashedMessage of a MessageImprint; `der` is the encoded MessageImprint. */
export type MessageImprint = { hashOid: string; hash: Uint8Array; der: Uint8Array };

export type TimeStampRequest = {
  imprint: MessageImprint;
  policy: string | null;
  /** Lowercase hex of the nonce, minimal (as normaliseSerial); null when absent. */
  nonce: string | null;
  certReq: boolean;
  /** Extensions were requested (the sandbox TSA supports none). */
  hasExtensions: boolean;
};

export type Accuracy = { seconds: number; millis: number; micros: number };

export type TstInfo = {
  policy: string;
  imprint: MessageImprint;
  /** Lowercase hex, minimal. */
  serial: string;
  genTime: Date;
  accuracy: Accuracy | null;
  nonce: string | null;
  /** The TSA's name ([0] GeneralName, directoryName), as "CN=…, C=…"; null when absent or another form. */
  tsaName: string | null;
};

export type TimeStampResponse = {
  status: number;
  statusText: string[];
  /** Bit numbers set in failInfo. */
  failInfo: number[];
  /** The TimeStampToken (DER ContentInfo), when granted. */
  token: Uint8Array | null;
};

function integerValue(node: Asn1 | undefined, what: string): string {
  if (!isUniversal(node, Asn1Type.INTEGER)) fail(CODE, what);
  const raw = octets(node, CODE, what);
  if (raw.length === 0 || raw.charCodeAt(0) >= 0x80) fail(CODE, what); // negative numbers are not used here
  return normaliseSerial(forge.util.bytesToHex(raw));
}

/** DER INTEGER of a non-negative number given as hex (leading zeros dropped, a sign byte added). */
export function positiveIntegerNode(hex: string): Asn1 {
  let h = normaliseSerial(hex);
  if (parseInt(h.slice(0, 2), 16) >= 0x80) h = `00${h}`;
  return forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.INTEGER, false, forge.util.hexToBytes(h));
}

function smallInteger(n: number): Asn1 {
  return positiveIntegerNode(n.toString(16));
}

function readImprint(node: Asn1 | undefined): MessageImprint {
  const [alg, hashed] = sequence(node, CODE, "message_imprint");
  const hashOid = oid(sequence(alg, CODE, "hash_algorithm")[0], CODE, "hash_algorithm");
  if (!isUniversal(hashed, Asn1Type.OCTETSTRING)) fail(CODE, "hashed_message");
  return { hashOid, hash: fromBinaryString(octets(hashed, CODE, "hashed_message")), der: encodeDer(node!) };
}

/** MessageImprint with the algorithm's NULL parameters, as OpenSSL writes it. */
function imprintNode(hashOid: string, hash: Uint8Array): Asn1 {
  const alg = seqNode([oidNode(hashOid), forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.NULL, false, "")]);
  return seqNode([alg, forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.OCTETSTRING, false, toBinaryString(hash))]);
}

export function encodeTimeStampRequest(r: { hashOid: string; hash: Uint8Array; nonce?: string; certReq?: boolean; policy?: string }): Uint8Array {
  const items: Asn1[] = [smallInteger(1), imprintNode(r.hashOid, r.hash)];
  if (r.policy) items.push(oidNode(r.policy));
  if (r.nonce) items.push(positiveIntegerNode(r.nonce));
  if (r.certReq) items.push(forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.BOOLEAN, false, "\xff"));
  return encodeDer(seqNode(items));
}

export function parseTimeStampRequest(der: Uint8Array): TimeStampRequest {
  const items = sequence(decodeDer(der, CODE), CODE, "request");
  if (integerValue(items[0], "version") !== "01") fail(CODE, "version");
  const imprint = readImprint(items[1]);
  const out: TimeStampRequest = { imprint, policy: null, nonce: null, certReq: false, hasExtensions: false };
  for (const node of items.slice(2)) {
    if (isUniversal(node, Asn1Type.OID)) out.policy = oid(node, CODE, "policy");
    else if (isUniversal(node, Asn1Type.INTEGER)) out.nonce = integerValue(node, "nonce");
    else if (isUniversal(node, Asn1Type.BOOLEAN)) out.certReq = octets(node, CODE, "cert_req") !== "\x00";
    else if (isContext(node, 0)) out.hasExtensions = true;
    else fail(CODE, "request_field");
  }
  return out;
}

/** GeneralizedTime with milliseconds when not whole, no trailing zeros (RFC 3161 2.4.2). */
function genTimeNode(date: Date): Asn1 {
  const iso = date.toISOString(); // 2026-12-07T14:30:05.120Z
  const whole = iso.slice(0, 19).replace(/[-:T]/g, "");
  const ms = iso.slice(20, 23).replace(/0+$/, "");
  return forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.GENERALIZEDTIME, false, `${whole}${ms ? `.${ms}` : ""}Z`);
}

function readGenTime(node: Asn1 | undefined): Date {
  if (!isUniversal(node, Asn1Type.GENERALIZEDTIME)) fail(CODE, "gen_time");
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/.exec(octets(node, CODE, "gen_time"));
  if (!m) fail(CODE, "gen_time");
  const [, y, mo, d, h, mi, s, frac] = m;
  const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0));
  if (Number.isNaN(date.getTime())) fail(CODE, "gen_time");
  return date;
}

export type TstInfoInput = {
  policy: string;
  /** The request's MessageImprint, copied as received. */
  imprintDer: Uint8Array;
  serial: string;
  genTime: Date;
  accuracy?: Partial<Accuracy>;
  nonce?: string | null;
  /** The TSA certificate's subject Name (DER), written as tsa [0] directoryName. */
  tsaNameDer?: Uint8Array;
};

export function encodeTstInfo(t: TstInfoInput): Uint8Array {
  const items: Asn1[] = [smallInteger(1), oidNode(t.policy), decodeDer(t.imprintDer, CODE), positiveIntegerNode(t.serial), genTimeNode(t.genTime)];
  if (t.accuracy) {
    const acc: Asn1[] = [];
    if (t.accuracy.seconds) acc.push(smallInteger(t.accuracy.seconds));
    if (t.accuracy.millis) acc.push(forge.asn1.create(Asn1Class.CONTEXT_SPECIFIC, 0, false, smallInteger(t.accuracy.millis).value));
    if (t.accuracy.micros) acc.push(forge.asn1.create(Asn1Class.CONTEXT_SPECIFIC, 1, false, smallInteger(t.accuracy.micros).value));
    items.push(seqNode(acc));
  }
  if (t.nonce) items.push(positiveIntegerNode(t.nonce));
  if (t.tsaNameDer) {
    const directoryName = forge.asn1.create(Asn1Class.CONTEXT_SPECIFIC, 4, true, [decodeDer(t.tsaNameDer, CODE)]);
    items.push(forge.asn1.create(Asn1Class.CONTEXT_SPECIFIC, 0, true, [directoryName]));
  }
  return encodeDer(seqNode(items));
}

function readAccuracy(node: Asn1): Accuracy {
  const acc: Accuracy = { seconds: 0, millis: 0, micros: 0 };
  for (const part of children(node, CODE, "accuracy")) {
    const n = (what: string) => parseInt(normaliseSerial(forge.util.bytesToHex(octets(part, CODE, what))), 16);
    if (isUniversal(part, Asn1Type.INTEGER)) acc.seconds = n("accuracy_seconds");
    else if (isContext(part, 0)) acc.millis = n("accuracy_millis");
    else if (isContext(part, 1)) acc.micros = n("accuracy_micros");
    else fail(CODE, "accuracy");
  }
  return acc;
}

export function parseTstInfo(der: Uint8Array): TstInfo {
  const items = sequence(decodeDer(der, CODE), CODE, "tst_info");
  if (integerValue(items[0], "version") !== "01") fail(CODE, "version");
  const out: TstInfo = {
    policy: oid(items[1], CODE, "policy"),
    imprint: readImprint(items[2]),
    serial: integerValue(items[3], "serial"),
    genTime: readGenTime(items[4]),
    accuracy: null,
    nonce: null,
    tsaName: null,
  };
  for (const node of items.slice(5)) {
    if (isUniversal(node, Asn1Type.SEQUENCE)) out.accuracy = readAccuracy(node);
    else if (isUniversal(node, Asn1Type.BOOLEAN)) continue; // ordering
    else if (isUniversal(node, Asn1Type.INTEGER)) out.nonce = integerValue(node, "nonce");
    else if (isContext(node, 0)) {
      const name = children(node, CODE, "tsa")[0];
      if (isContext(name, 4)) out.tsaName = formatName(readName(children(name, CODE, "tsa_name")[0]));
    } else if (isContext(node, 1)) continue; // extensions: none understood, none critical to us
    else fail(CODE, "tst_info_field");
  }
  return out;
}

export function encodeTimeStampResponse(r: { status: number; statusText?: string; failInfo?: number; token?: Uint8Array }): Uint8Array {
  const info: Asn1[] = [smallInteger(r.status)];
  if (r.statusText) info.push(seqNode([forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.UTF8, false, forge.util.encodeUtf8(r.statusText))]));
  if (r.failInfo !== undefined) {
    // Named BIT STRING in DER: trailing zero bits dropped, unused-bit count first.
    const bytes = new Uint8Array(Math.floor(r.failInfo / 8) + 1);
    bytes[bytes.length - 1] = 0x80 >> r.failInfo % 8;
    const unused = 7 - (r.failInfo % 8);
    info.push(forge.asn1.create(Asn1Class.UNIVERSAL, Asn1Type.BITSTRING, false, String.fromCharCode(unused) + toBinaryString(bytes)));
  }
  const items: Asn1[] = [seqNode(info)];
  if (r.token) items.push(decodeDer(r.token, CODE));
  return encodeDer(seqNode(items));
}

export function parseTimeStampResponse(der: Uint8Array): TimeStampResponse {
  const items = sequence(decodeDer(der, CODE), CODE, "response");
  const info = sequence(items[0], CODE, "status_info");
  const out: TimeStampResponse = { status: parseInt(integerValue(info[0], "status"), 16), statusText: [], failInfo: [], token: null };
  for (const node of info.slice(1)) {
    if (isUniversal(node, Asn1Type.SEQUENCE)) out.statusText = children(node, CODE, "status_text").map((t) => forge.util.decodeUtf8(octets(t, CODE, "status_text")));
    else if (isUniversal(node, Asn1Type.BITSTRING)) {
      const bits = octets(node, CODE, "fail_info").slice(1);
      for (let i = 0; i < bits.length * 8; i++) if (bits.charCodeAt(i >> 3) & (0x80 >> (i & 7))) out.failInfo.push(i);
    } else fail(CODE, "status_info_field");
  }
  if (items[1]) out.token = encodeDer(items[1]);
  return out;
}
