import { DomainError } from "@/lib/platform/core";

/** Isomorphic byte helpers (no Buffer, no node:*), shared by browser and server code. */

/** Every PKI input we accept (certificate, CMS, PKCS#12, CRL) is refused above this size. */
export const MAX_INPUT_BYTES = 1024 * 1024;

export function assertInputSize(length: number, max: number = MAX_INPUT_BYTES): void {
  if (length > max) throw new DomainError("pki.input_too_large", { length, max });
}

/** forge works on "binary strings" (one char per byte). */
export function toBinaryString(bytes: Uint8Array): string {
  let out = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + chunk)));
  }
  return out;
}

export function fromBinaryString(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** Serial numbers are compared as lowercase hex without leading zero bytes. */
export function normaliseSerial(hex: string): string {
  const h = hex.toLowerCase().replace(/[^0-9a-f]/g, "");
  const stripped = h.replace(/^(00)+/, "");
  return stripped === "" ? "00" : stripped.length % 2 === 1 ? `0${stripped}` : stripped;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function utf8Encode(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export type PemBlock = { label: string; der: Uint8Array };

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** All PEM blocks of a text; base64 errors mean the input is not PEM at all. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(PEM_RE)) {
    const body = (m[2] ?? "").replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) {
      throw new DomainError("pki.unsupported_format", { reason: "bad_base64" });
    }
    blocks.push({ label: m[1]!, der: fromBinaryString(atob(body)) });
  }
  return blocks;
}

export function toPem(label: string, der: Uint8Array): string {
  const b64 = btoa(toBinaryString(der));
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * DER objects from a DER or PEM input. DER is recognised by its leading SEQUENCE tag;
 * PEM blocks must carry one of `labels`. Anything else is `pki.unsupported_format`.
 */
export function derObjects(input: Uint8Array | string, labels: readonly string[], max = MAX_INPUT_BYTES): Uint8Array[] {
  assertInputSize(input.length, max);
  if (typeof input !== "string" && input[0] === 0x30) return [input];
  const text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: false }).decode(input);
  const blocks = pemBlocks(text).filter((b) => labels.includes(b.label));
  if (blocks.length === 0) throw new DomainError("pki.unsupported_format", { expected: labels });
  return blocks.map((b) => b.der);
}

/** Exactly one DER object (first PEM block when several are given). */
export function derObject(input: Uint8Array | string, labels: readonly string[], max = MAX_INPUT_BYTES): Uint8Array {
  return derObjects(input, labels, max)[0]!;
}
