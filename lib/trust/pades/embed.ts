import { DomainError } from "@/lib/platform/core";
import type { ByteRange, PreparedPdf } from "./placeholder";

/** The bytes a PAdES signature covers: the file without the /Contents hex string. */
export function signedBytes(pdf: Uint8Array, [a, b, c, d]: ByteRange): Uint8Array {
  if (a !== 0 || b < 0 || c < a + b || d < 0 || c + d > pdf.length) throw new DomainError("pades.bad_byte_range");
  const out = new Uint8Array(b + d);
  out.set(pdf.subarray(a, a + b), 0);
  out.set(pdf.subarray(c, c + d), b);
  return out;
}

/**
 * Writes the CMS (DER) into the zero-filled /Contents of a prepared PDF. The rest of the file
 * is untouched, so the signature over the byte ranges stays valid.
 */
export function embedCms(prepared: PreparedPdf, cms: Uint8Array): Uint8Array {
  const [, b, c] = prepared.byteRange;
  const room = c - b - 2; // between "<" and ">"
  const hex = Buffer.from(cms).toString("hex").toUpperCase();
  if (hex.length > room) throw new DomainError("pades.signature_too_large", { bytes: cms.length });
  if (prepared.pdf[b] !== 0x3c || prepared.pdf[c - 1] !== 0x3e) throw new DomainError("pades.bad_byte_range");
  const out = prepared.pdf.slice();
  out.set(Buffer.from(hex.padEnd(room, "0"), "latin1"), b + 1);
  return out;
}
