import { type ByteRange, byteRangesOf } from "./placeholder";
import { signedBytes } from "./embed";

/** One signature found in a PDF, as standard readers see it. */
export type PdfSignature = {
  byteRange: ByteRange;
  /** The CMS (DER) from /Contents, without its zero padding; null when the field is empty or unreadable. */
  cms: Uint8Array | null;
  /** What the signature covers. */
  content: Uint8Array;
  /** The byte ranges reach the end of the file: nothing was added after this signature. */
  coversWholeFile: boolean;
};

/** Length of the DER value starting at `bytes[0]` (tag + length + content), or null. */
function derLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) return null;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i]!;
  return 2 + n + len <= bytes.length ? 2 + n + len : null;
}

/**
 * The signatures of a PDF, read the way pdfsig and Acrobat read them: each numeric /ByteRange,
 * the hex /Contents in its gap, and the covered bytes. Structural checks only; the caller
 * verifies each CMS.
 */
export function extractPdfSignatures(pdf: Uint8Array): PdfSignature[] {
  const out: PdfSignature[] = [];
  for (const range of byteRangesOf(pdf)) {
    const [a, b, c, d] = range;
    if (a !== 0 || c < b + 2 || c + d > pdf.length) continue;
    const hex = Buffer.from(pdf.subarray(b + 1, c - 1)).toString("latin1");
    let cms: Uint8Array | null = null;
    if (pdf[b] === 0x3c && pdf[c - 1] === 0x3e && /^[0-9A-Fa-f]*$/.test(hex) && hex.length % 2 === 0) {
      const raw = new Uint8Array(Buffer.from(hex, "hex"));
      const len = derLength(raw);
      cms = len ? raw.slice(0, len) : null;
    }
    out.push({ byteRange: range, cms, content: signedBytes(pdf, range), coversWholeFile: c + d === pdf.length || isOnlyTrailingWhitespace(pdf, c + d) });
  }
  return out;
}

function isOnlyTrailingWhitespace(pdf: Uint8Array, from: number): boolean {
  for (let i = from; i < pdf.length; i++) if (pdf[i] !== 0x0a && pdf[i] !== 0x0d) return false;
  return true;
}

/** A PDF file (header within the first KiB, as readers accept it). */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-");
}
