import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { SignPdf, Signer } from "@signpdf/signpdf";
import { SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import type { PDFDocument, PDFPage } from "pdf-lib";

/**
 * The signature field of a PAdES signature, by the @signpdf libraries: pdf-lib places the
 * field in a document being built; an already saved PDF gets it in an incremental update
 * (placeholder-plain), so earlier revisions — and their signatures — stay byte for byte.
 * SubFilter ETSI.CAdES.detached (ETSI EN 319 142-1): the CMS is detached over the byte ranges.
 */

/** Room for the CMS in /Contents (bytes): signer and issuing CA certificates plus a time-stamp token. */
export const SIGNATURE_BYTES = 16_384;

export type SignatureFieldOptions = {
  /** /Name of the signature dictionary: who is going to sign. */
  name: string;
  reason: string;
  location: string;
  contactInfo?: string;
  /** /M of the signature dictionary; the CMS carries the signer's own signing-time. */
  signingTime: Date;
  /** [x1, y1, x2, y2] of the (invisible-appearance) widget; the printed signature block lies under it. */
  widgetRect?: [number, number, number, number];
};

/** [start1, length1, start2, length2]: everything but the /Contents hex string. */
export type ByteRange = [number, number, number, number];

/** A PDF whose ByteRange is final and whose /Contents is all zeros, waiting for a CMS. */
export type PreparedPdf = { pdf: Uint8Array; byteRange: ByteRange };

/** /Prop_Build /App /Name: a PDF name, so no spaces. */
export const PADES_APP_NAME = "KZ-eLicensingPortal";

const CYRILLIC: Record<string, string> = {
  а: "a", ә: "a", б: "b", в: "v", г: "g", ғ: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", і: "i",
  к: "k", қ: "q", л: "l", м: "m", н: "n", ң: "n", о: "o", ө: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ұ: "u",
  ү: "u", ф: "f", х: "kh", һ: "h", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "iu", я: "ia",
};

/**
 * The signature dictionary's text entries in ASCII: placeholder-plain writes strings as UTF-8
 * bytes (not PDFDocEncoding or UTF-16), which corrupts the object for readers. Readers show the
 * certificate's own name anyway; these entries are informative.
 */
export function asciiPdfText(text: string): string {
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = CYRILLIC[lower];
    if (mapped !== undefined) out += ch !== lower && mapped ? mapped[0]!.toUpperCase() + mapped.slice(1) : mapped;
    else if (ch === "«" || ch === "»") out += '"';
    else if (/^[\x20-\x7e]$/.test(ch)) out += ch;
  }
  return out.replace(/[()\\]/g, "").trim();
}

function common(o: SignatureFieldOptions) {
  return {
    name: asciiPdfText(o.name),
    reason: asciiPdfText(o.reason),
    location: asciiPdfText(o.location),
    contactInfo: asciiPdfText(o.contactInfo ?? ""),
    signingTime: o.signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: o.widgetRect ?? [0, 0, 0, 0],
    appName: PADES_APP_NAME,
  };
}

/** Adds the signature field to a pdf-lib document before it is saved. */
export function addSignatureField(doc: PDFDocument, page: PDFPage, o: SignatureFieldOptions): void {
  pdflibAddPlaceholder({ pdfDoc: doc, pdfPage: page, ...common(o) });
}

/**
 * Lets @signpdf compute the ByteRange; keeps what it would sign and answers with no signature,
 * so /Contents stays zero-filled. The browser signs the byte ranges later.
 */
class DeferredSigner extends Signer {
  async sign(): Promise<Buffer> {
    return Buffer.alloc(0);
  }
}

/** Final ByteRange for a saved PDF with exactly one unfilled placeholder. */
export async function fixByteRange(pdfWithPlaceholder: Uint8Array): Promise<PreparedPdf> {
  const pdf = new Uint8Array(await new SignPdf().sign(Buffer.from(pdfWithPlaceholder), new DeferredSigner()));
  return { pdf, byteRange: lastByteRange(pdf) };
}

/** A new revision of a saved PDF (incremental update) with an empty signature field. */
export async function appendSignatureField(pdf: Uint8Array, o: SignatureFieldOptions): Promise<PreparedPdf> {
  const withField = plainAddPlaceholder({ pdfBuffer: Buffer.from(pdf), ...common(o) });
  return fixByteRange(pointStartxrefAtXref(withField));
}

/**
 * placeholder-plain 3.3.0 writes `startxref` as the offset of the newline before its `xref`
 * keyword; qpdf then warns "extraneous whitespace seen before xref". Point it at the keyword.
 */
function pointStartxrefAtXref(pdf: Buffer): Uint8Array {
  const text = pdf.toString("latin1");
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!m) return new Uint8Array(pdf);
  const offset = Number(m[1]);
  if (text.startsWith("xref", offset) || !text.startsWith("\nxref", offset)) return new Uint8Array(pdf);
  const fixed = text.slice(0, m.index) + text.slice(m.index).replace(m[1]!, String(offset + 1));
  return new Uint8Array(Buffer.from(fixed, "latin1"));
}

const BYTE_RANGE_RE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** Every numeric ByteRange in the file, in file order. */
export function byteRangesOf(pdf: Uint8Array): ByteRange[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  return [...text.matchAll(BYTE_RANGE_RE)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as ByteRange);
}

function lastByteRange(pdf: Uint8Array): ByteRange {
  const all = byteRangesOf(pdf);
  const last = all[all.length - 1];
  if (!last) throw new Error("no ByteRange after placing the signature field");
  return last;
}
