import { DomainError } from "@/lib/platform/core";
import { DerError, TAG, childrenOf, contextTag, expectTag, readDer } from "./der";

/** A DER element from its tag and content (definite length). */
function tlv(tag: number, body: Uint8Array): Uint8Array {
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  const out = new Uint8Array(1 + len.length + n);
  out[0] = tag;
  out.set(len, 1);
  out.set(body, 1 + len.length);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * A detached CMS SignedData with its content put inside (eContent): the signed package that
 * `openssl cms -verify` opens on its own. Only the EncapsulatedContentInfo changes; certificates
 * and the SignerInfo are copied byte for byte, so the signature stays valid (the signed
 * attributes carry the content's digest, not the content). DER input only (what the portal stores).
 */
export function attachContent(cms: Uint8Array, content: Uint8Array): Uint8Array {
  if (content.length >= 1 << 24) throw new DomainError("pki.input_too_large");
  try {
    const [type, wrapped] = childrenOf(expectTag(readDer(cms), TAG.SEQUENCE, "content_info"));
    const signedData = readDer(expectTag(wrapped, contextTag(0, true), "content").value);
    const items = childrenOf(expectTag(signedData, TAG.SEQUENCE, "signed_data"));
    const encap = childrenOf(expectTag(items[2], TAG.SEQUENCE, "encap_content_info"));
    if (encap.length !== 1) throw new DomainError("pki.invalid_request", { reason: "content_already_attached" });
    const newEncap = tlv(TAG.SEQUENCE, concat([encap[0]!.bytes, tlv(contextTag(0, true), tlv(TAG.OCTET_STRING, content))]));
    const body = concat(items.map((t, i) => (i === 2 ? newEncap : t.bytes)));
    return tlv(TAG.SEQUENCE, concat([type!.bytes, tlv(contextTag(0, true), tlv(TAG.SEQUENCE, body))]));
  } catch (e) {
    if (e instanceof DerError) throw new DomainError("pki.unsupported_format", { reason: e.reason });
    throw e;
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Adds an unsigned attribute (e.g. id-aa-timeStampToken, RFC 3161 appendix A) to the single
 * SignerInfo of a CMS SignedData. Unsigned attributes are outside the signature, so the CMS
 * still verifies; everything else is copied byte for byte. `value` is one DER value.
 */
export function addUnsignedAttribute(cms: Uint8Array, type: string, value: Uint8Array): Uint8Array {
  try {
    const [contentType, wrapped] = childrenOf(expectTag(readDer(cms), TAG.SEQUENCE, "content_info"));
    const signedData = readDer(expectTag(wrapped, contextTag(0, true), "content").value);
    const items = childrenOf(expectTag(signedData, TAG.SEQUENCE, "signed_data"));
    const signerInfos = childrenOf(expectTag(items[items.length - 1], TAG.SET, "signer_infos"));
    if (signerInfos.length !== 1) throw new DomainError("pki.invalid_request", { reason: "signer_count" });
    const si = childrenOf(expectTag(signerInfos[0], TAG.SEQUENCE, "signer_info"));
    const unsignedTag = contextTag(1, true);
    const existing = si[si.length - 1]!.tag === unsignedTag ? childrenOf(si[si.length - 1]!).map((a) => a.bytes) : [];
    const kept = existing.length > 0 ? si.slice(0, -1) : si;
    const attribute = tlv(TAG.SEQUENCE, concat([oidDer(type), tlv(TAG.SET, value)]));
    const attributes = [...existing, attribute].sort(compareBytes); // DER SET OF order
    const newSi = tlv(TAG.SEQUENCE, concat([...kept.map((t) => t.bytes), tlv(unsignedTag, concat(attributes))]));
    const body = concat([...items.slice(0, -1).map((t) => t.bytes), tlv(TAG.SET, newSi)]);
    return tlv(TAG.SEQUENCE, concat([contentType!.bytes, tlv(contextTag(0, true), tlv(TAG.SEQUENCE, body))]));
  } catch (e) {
    if (e instanceof DerError) throw new DomainError("pki.unsupported_format", { reason: e.reason });
    throw e;
  }
}

/** DER OBJECT IDENTIFIER of a dotted OID. */
function oidDer(dotted: string): Uint8Array {
  const [a, b, ...rest] = dotted.split(".").map(Number);
  const out: number[] = [];
  for (const n of [a! * 40 + b!, ...rest]) {
    const chunk: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(TAG.OID, new Uint8Array(out));
}
