import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { normaliseSerial, toHex } from "./bytes";
import { DerError, TAG, type Tlv, childrenOf, contextTag, expectTag, readDer, readOid, readTime, readTlv } from "./der";
import { OID } from "./oids";
import { construct } from "./x509";

/**
 * Structural decoding of a detached CMS SignedData (RFC 5652) into plain values. DER input
 * takes the fast path (der.ts); anything the strict DER reader rejects (BER indefinite
 * lengths, for instance) is decoded with pkijs. Both paths feed the same `interpret`, and
 * every failure is a reason for the `malformed` verdict. Exceptions count as bad input only
 * when they are our DerError or a confirmed pkijs schema mismatch; anything else propagates.
 */

export type SignerId = { kind: "issuer_serial"; issuerName: string; serial: string } | { kind: "ski"; ski: string };

export type DecodedCms = {
  digestOid: string;
  signatureOid: string;
  signature: Uint8Array;
  /** The signed attributes as signed: DER SET OF (tag 0x31). */
  signedAttributes: Uint8Array;
  messageDigest: Uint8Array;
  signingTime: Date | null;
  /** ESS signing-certificate(-v2): the hash of the signer certificate the signer committed to. */
  signingCertificate: { digestOid: string; hash: Uint8Array } | null;
  eContent: Uint8Array | null;
  certificates: Uint8Array[];
  signerId: SignerId;
  /** RFC 3161 tokens in the unsigned attribute id-aa-timeStampToken (DER ContentInfo each), in order. */
  timeStampTokens: Uint8Array[];
};

export type DecodeResult = { ok: true; cms: DecodedCms } | { ok: false; reason: string };

type RawAttribute = { type: string; values: Tlv[] };

type RawCms = {
  contentType: string;
  eContentType: string;
  eContent: Uint8Array | null;
  certificates: Uint8Array[];
  signerCount: number;
  sid: SignerId | null;
  digestOid: string;
  signatureOid: string;
  signature: Uint8Array;
  signedAttrs: { der: Uint8Array; attributes: RawAttribute[] } | null;
  unsignedAttrs: RawAttribute[];
};

const bad = (reason: string): DecodeResult => ({ ok: false, reason });

function algorithmOid(t: Tlv | undefined): string {
  return readOid(childrenOf(expectTag(t, TAG.SEQUENCE, "algorithm"))[0]);
}

function readAttributes(block: Tlv): RawAttribute[] {
  return childrenOf(block).map((a) => {
    const [type, values] = childrenOf(expectTag(a, TAG.SEQUENCE, "attribute"));
    return { type: readOid(type), values: childrenOf(expectTag(values, TAG.SET, "attribute_values")) };
  });
}

function signedForm(attrs: Uint8Array): Uint8Array {
  const der = attrs.slice();
  der[0] = TAG.SET; // RFC 5652 5.4: the signature covers the attributes with a SET OF tag
  return der;
}

/** Fast path: strict DER. Throws DerError on anything else. */
function rawFromDer(bytes: Uint8Array): RawCms {
  const [typeTlv, content] = childrenOf(expectTag(readDer(bytes), TAG.SEQUENCE, "content_info"));
  const contentType = readOid(typeTlv);
  const sd = readDer(expectTag(content, contextTag(0, true), "content").value);
  const items = childrenOf(expectTag(sd, TAG.SEQUENCE, "signed_data"));
  expectTag(items[0], TAG.INTEGER, "version");
  expectTag(items[1], TAG.SET, "digest_algorithms");
  const encap = childrenOf(expectTag(items[2], TAG.SEQUENCE, "encap_content_info"));
  const eContentWrap = encap[1] ? expectTag(encap[1], contextTag(0, true), "econtent") : null;
  const signerInfos = childrenOf(expectTag(items[items.length - 1], TAG.SET, "signer_infos"));
  const certBlock = items.slice(3, -1).find((t) => t.tag === contextTag(0, true));
  const certificates = certBlock
    ? childrenOf(certBlock)
        .filter((c) => c.tag === TAG.SEQUENCE)
        .map((c) => c.bytes.slice())
    : [];

  const si = childrenOf(expectTag(signerInfos[0], TAG.SEQUENCE, "signer_info"));
  expectTag(si[0], TAG.INTEGER, "signer_version");
  let sid: SignerId | null = null;
  if (si[1]?.tag === TAG.SEQUENCE) {
    const [issuer, serial] = childrenOf(si[1]);
    sid = {
      kind: "issuer_serial",
      issuerName: toHex(expectTag(issuer, TAG.SEQUENCE, "sid_issuer").bytes),
      serial: normaliseSerial(toHex(expectTag(serial, TAG.INTEGER, "sid_serial").value)),
    };
  } else if (si[1]?.tag === contextTag(0, false)) {
    sid = { kind: "ski", ski: toHex(si[1].value) };
  }
  let i = 3;
  let signedAttrs: RawCms["signedAttrs"] = null;
  if (si[i]?.tag === contextTag(0, true)) {
    const attrs = si[i++]!;
    signedAttrs = { der: signedForm(attrs.bytes), attributes: readAttributes(attrs) };
  }
  const signatureOid = algorithmOid(si[i++]);
  const signature = expectTag(si[i++], TAG.OCTET_STRING, "signature").value.slice();
  const unsigned = si[i]?.tag === contextTag(1, true) ? readAttributes(si[i]!) : [];
  return {
    contentType,
    eContentType: readOid(encap[0]),
    eContent: eContentWrap ? expectTag(readDer(eContentWrap.value), TAG.OCTET_STRING, "econtent").value.slice() : null,
    certificates,
    signerCount: signerInfos.length,
    sid,
    digestOid: algorithmOid(si[2]),
    signatureOid,
    signature,
    signedAttrs,
    unsignedAttrs: unsigned,
  };
}

/** Fallback: pkijs/asn1js (BER). Returns null when pkijs confirms the structure is wrong. */
function rawFromPkijs(bytes: Uint8Array): RawCms | string {
  const asn = asn1js.fromBER(bytes);
  if (asn.offset === -1) return "not_der";
  if (asn.offset !== bytes.length) return "trailing_data";
  const ci = construct(pkijs.ContentInfo, asn.result);
  if (!ci) return "not_content_info";
  if (ci.contentType !== OID.signedData) return "not_signed_data";
  const sd = construct(pkijs.SignedData, ci.content);
  if (!sd) return "bad_signed_data";
  const si = sd.signerInfos[0];
  if (!si) return "signer_count";
  const certBlock = (ci.content as asn1js.Sequence).valueBlock.value.find(
    (b) => b.idBlock.tagClass === 3 && b.idBlock.tagNumber === 0,
  );
  const certificates =
    certBlock instanceof asn1js.Constructed
      ? certBlock.valueBlock.value
          .filter((c) => c instanceof asn1js.Sequence)
          .map((c) => c.valueBeforeDecodeView.slice())
      : [];
  let sid: SignerId | null = null;
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    sid = {
      kind: "issuer_serial",
      issuerName: toHex(new Uint8Array(si.sid.issuer.valueBeforeDecode)),
      serial: normaliseSerial(toHex(si.sid.serialNumber.valueBlock.valueHexView)),
    };
  } else if (si.sid instanceof asn1js.Primitive) {
    sid = { kind: "ski", ski: toHex(si.sid.valueBlock.valueHexView) };
  }
  const signed = si.signedAttrs;
  const attributes = (set: pkijs.SignedAndUnsignedAttributes) =>
    set.attributes.map((a) => ({
      type: a.type,
      values: a.values.map((v: asn1js.AsnType) => readTlv(v.valueBeforeDecodeView.slice())),
    }));
  const eContent = sd.encapContentInfo.eContent?.getValue();
  return {
    contentType: ci.contentType,
    eContentType: sd.encapContentInfo.eContentType,
    eContent: eContent ? new Uint8Array(eContent) : null,
    certificates,
    signerCount: sd.signerInfos.length,
    sid,
    digestOid: si.digestAlgorithm.algorithmId,
    signatureOid: si.signatureAlgorithm.algorithmId,
    signature: si.signature.valueBlock.valueHexView.slice(),
    signedAttrs: signed ? { der: new Uint8Array(signed.encodedValue), attributes: attributes(signed) } : null,
    unsignedAttrs: si.unsignedAttrs ? attributes(si.unsignedAttrs) : [],
  };
}

/** The first ESSCertIDv2 of a SigningCertificateV2 (RFC 5035): hashAlgorithm DEFAULT SHA-256. */
function readEssCertIdV2(value: Tlv): { digestOid: string; hash: Uint8Array } {
  const [certs] = childrenOf(expectTag(value, TAG.SEQUENCE, "signing_certificate"));
  const [first] = childrenOf(expectTag(certs, TAG.SEQUENCE, "ess_certs"));
  const parts = childrenOf(expectTag(first, TAG.SEQUENCE, "ess_cert_id"));
  const withAlgorithm = parts[0]?.tag === TAG.SEQUENCE;
  const digestOid = withAlgorithm ? readOid(childrenOf(parts[0]!)[0]) : OID.sha256;
  const hash = expectTag(parts[withAlgorithm ? 1 : 0], TAG.OCTET_STRING, "ess_cert_hash").value.slice();
  return { digestOid, hash };
}

function interpret(raw: RawCms, expectedContentType: string): DecodeResult {
  if (raw.contentType !== OID.signedData) return bad("not_signed_data");
  if (raw.signerCount !== 1) return bad("signer_count");
  if (raw.eContentType !== expectedContentType) return bad("content_type_not_data");
  if (!raw.sid) return bad("bad_signer_id");
  if (!raw.signedAttrs || raw.signedAttrs.attributes.length === 0) return bad("no_signed_attributes");
  const seen = new Set<string>();
  let contentType: string | null = null;
  let messageDigest: Uint8Array | null = null;
  let signingTime: Date | null = null;
  let signingCertificate: DecodedCms["signingCertificate"] = null;
  for (const attr of raw.signedAttrs.attributes) {
    // RFC 5652 5.3/11: each of these attributes at most once, with exactly one value.
    if (seen.has(attr.type)) return bad("duplicate_attribute");
    seen.add(attr.type);
    const [value] = attr.values;
    if (attr.type === OID.contentType) {
      if (attr.values.length !== 1 || value?.tag !== TAG.OID) return bad("bad_content_type");
      contentType = readOid(value);
    } else if (attr.type === OID.messageDigest) {
      if (attr.values.length !== 1 || value?.tag !== TAG.OCTET_STRING) return bad("bad_message_digest");
      messageDigest = value.value.slice();
    } else if (attr.type === OID.signingTime) {
      if (attr.values.length !== 1 || !value) return bad("bad_signing_time");
      signingTime = readTime(value);
    } else if (attr.type === OID.signingCertificateV2) {
      if (attr.values.length !== 1 || !value) return bad("bad_signing_certificate");
      signingCertificate = readEssCertIdV2(value);
    }
  }
  if (contentType === null) return bad("missing_content_type");
  if (contentType !== expectedContentType) return bad("content_type_not_data");
  if (messageDigest === null) return bad("missing_message_digest");
  const timeStampTokens: Uint8Array[] = [];
  for (const attr of raw.unsignedAttrs) {
    if (attr.type !== OID.signatureTimeStampToken) continue;
    if (attr.values.length !== 1) return bad("bad_timestamp_attribute");
    timeStampTokens.push(attr.values[0]!.bytes.slice());
  }
  return {
    ok: true,
    cms: {
      digestOid: raw.digestOid,
      signatureOid: raw.signatureOid,
      signature: raw.signature,
      signedAttributes: raw.signedAttrs.der,
      messageDigest,
      signingTime,
      signingCertificate,
      eContent: raw.eContent,
      certificates: raw.certificates,
      signerId: raw.sid,
      timeStampTokens,
    },
  };
}

/**
 * `expectedContentType`: id-data for the portal's signatures (the default); id-ct-TSTInfo for an
 * RFC 3161 time-stamp token, whose eContent is the TSTInfo.
 */
export function decodeCms(bytes: Uint8Array, expectedContentType: string = OID.data): DecodeResult {
  try {
    let raw: RawCms | string;
    try {
      raw = rawFromDer(bytes);
    } catch (e) {
      if (!(e instanceof DerError)) throw e;
      raw = rawFromPkijs(bytes);
    }
    return typeof raw === "string" ? bad(raw) : interpret(raw, expectedContentType);
  } catch (e) {
    // Only our own DER reader's rejection (e.g. an attribute value pkijs accepted as BER) means malformed.
    if (e instanceof DerError) return bad(e.reason);
    throw e;
  }
}
