/**
 * Minimal strict DER reader over Uint8Array views (no copies, no allocation per byte).
 * asn1js 4 spends about 1 ms decoding one 2.6 KB CMS (per-block BufferSource checks in
 * @peculiar/utils), which alone exceeds the verification budget; this reader walks the
 * same structures in microseconds. Definite lengths only: BER input raises `DerError`, and
 * callers fall back to pkijs.
 */

export class DerError extends Error {
  constructor(readonly reason: string) {
    super(`DER: ${reason}`);
    this.name = "DerError";
  }
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

export type Tlv = {
  /** The identifier octet (class, constructed bit, tag number < 31). */
  tag: number;
  /** The whole element (header + content). */
  bytes: Uint8Array;
  /** The content octets. */
  value: Uint8Array;
};

export const contextTag = (n: number, constructed: boolean) => 0x80 | (constructed ? 0x20 : 0) | n;

/** One element at `offset` of `buf`. */
export function readTlv(buf: Uint8Array, offset = 0): Tlv {
  if (offset + 2 > buf.length) throw new DerError("truncated");
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError("high_tag_number");
  let len = buf[offset + 1]!;
  let header = 2;
  if (len === 0x80) throw new DerError("indefinite_length");
  if (len > 0x80) {
    const n = len & 0x7f;
    if (n > 4 || offset + 2 + n > buf.length) throw new DerError("bad_length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i]!;
    if (len < 0x80 || (n > 1 && buf[offset + 2] === 0)) throw new DerError("non_minimal_length");
    header += n;
  }
  const end = offset + header + len;
  if (end > buf.length) throw new DerError("truncated");
  return { tag, bytes: buf.subarray(offset, end), value: buf.subarray(offset + header, end) };
}

/** The single element filling `buf` exactly. */
export function readDer(buf: Uint8Array): Tlv {
  const t = readTlv(buf, 0);
  if (t.bytes.length !== buf.length) throw new DerError("trailing_data");
  return t;
}

export function childrenOf(t: Tlv): Tlv[] {
  if ((t.tag & 0x20) === 0) throw new DerError("not_constructed");
  const out: Tlv[] = [];
  let off = 0;
  while (off < t.value.length) {
    const c = readTlv(t.value, off);
    out.push(c);
    off += c.bytes.length;
  }
  return out;
}

export function expectTag(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t || t.tag !== tag) throw new DerError(`expected_${what}`);
  return t;
}

export function readOid(t: Tlv | undefined): string {
  const v = expectTag(t, TAG.OID, "oid").value;
  if (v.length === 0) throw new DerError("empty_oid");
  const parts: number[] = [];
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    n = n * 128 + (v[i]! & 0x7f);
    if ((v[i]! & 0x80) === 0) {
      if (parts.length === 0) parts.push(n < 80 ? Math.floor(n / 40) : 2, n < 80 ? n % 40 : n - 80);
      else parts.push(n);
      n = 0;
    }
  }
  return parts.join(".");
}

function digits(s: string, from: number, len: number): number {
  const part = s.slice(from, from + len);
  if (!/^\d+$/.test(part)) throw new DerError("bad_time");
  return Number(part);
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z). */
export function readTime(t: Tlv | undefined): Date {
  if (!t || (t.tag !== TAG.UTC_TIME && t.tag !== TAG.GENERALIZED_TIME)) throw new DerError("expected_time");
  const s = String.fromCharCode(...t.value);
  let year: number;
  let i: number;
  if (t.tag === TAG.UTC_TIME) {
    if (!/^\d{12}Z$/.test(s)) throw new DerError("bad_time");
    const yy = digits(s, 0, 2);
    year = yy >= 50 ? 1900 + yy : 2000 + yy; // RFC 5280 4.1.2.5.1
    i = 2;
  } else {
    if (!/^\d{14}(\.\d+)?Z$/.test(s)) throw new DerError("bad_time");
    year = digits(s, 0, 4);
    i = 4;
  }
  const ms = /\.(\d+)Z$/.exec(s)?.[1];
  const date = new Date(
    Date.UTC(
      year,
      digits(s, i, 2) - 1,
      digits(s, i + 2, 2),
      digits(s, i + 4, 2),
      digits(s, i + 6, 2),
      digits(s, i + 8, 2),
      ms ? Number(`0.${ms}`) * 1000 : 0,
    ),
  );
  if (Number.isNaN(date.getTime())) throw new DerError("bad_time");
  return date;
}
