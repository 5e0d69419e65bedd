import { crc32 } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { DomainError } from "@/lib/platform/core";
import type { TAcceptedType } from "./sniff-type";

/**
 * The whole file is what its first bytes claim (issue 13 F12): magic bytes alone let a "%PDF-" file
 * carrying HTML/JS through. A PDF must parse with pdf-lib and have at least one page; a PNG must be
 * a well-formed chunk sequence (IHDR first, CRCs right, IDAT, IEND); a JPEG a well-formed marker
 * sequence with a frame header (SOFn) before the scan. Dimensions must be sane. No native decoder:
 * the headers are read here, the pixels are never decoded. Failure: 422 `documents.unreadable`.
 */
export const MAX_IMAGE_SIDE = 20_000;

/** Markup a browser would sniff as HTML/SVG near the start of a file: never in a real scan. */
const MARKUP = /<(?:!doctype|html|head|body|script|iframe|svg|object|embed|img|a\s|meta|style)[\s>/]/i;

function unreadable(reason: string): never {
  throw new DomainError("documents.unreadable", { reason });
}

function assertNoMarkup(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (MARKUP.test(head)) unreadable("markup");
}

async function verifyPdf(bytes: Uint8Array): Promise<void> {
  let pages: number;
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    pages = doc.getPageCount();
  } catch {
    unreadable("pdf");
  }
  if (pages < 1) unreadable("pdf_no_pages");
}

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;

export function pngDimensions(bytes: Uint8Array): { width: number; height: number } {
  let at = 8;
  let dims: { width: number; height: number } | null = null;
  let sawData = false;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = Buffer.from(bytes.subarray(at + 4, at + 8)).toString("latin1");
    if (!/^[A-Za-z]{4}$/.test(type) || at + 12 + length > bytes.length) unreadable("png_chunk");
    const crc = u32(bytes, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) >>> 0 !== crc) unreadable("png_crc");
    if (dims === null) {
      if (type !== "IHDR" || length !== 13) unreadable("png_ihdr");
      const width = u32(bytes, at + 8);
      const height = u32(bytes, at + 12);
      const depth = bytes[at + 16]!;
      const colour = bytes[at + 17]!;
      if (![1, 2, 4, 8, 16].includes(depth) || ![0, 2, 3, 4, 6].includes(colour)) unreadable("png_ihdr");
      dims = { width, height };
    } else if (type === "IDAT") sawData = true;
    else if (type === "IEND") {
      if (!sawData) unreadable("png_no_data");
      return dims;
    }
    at += 12 + length;
  }
  return unreadable("png_truncated");
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function jpegDimensions(bytes: Uint8Array): { width: number; height: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) unreadable("jpeg_soi");
  let at = 2;
  let dims: { width: number; height: number } | null = null;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) unreadable("jpeg_marker");
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) unreadable("jpeg_marker");
    const length = u16(bytes, at + 2);
    if (length < 2 || at + 2 + length > bytes.length) unreadable("jpeg_segment");
    if (SOF.has(marker)) {
      if (length < 8) unreadable("jpeg_sof");
      const height = u16(bytes, at + 5);
      const width = u16(bytes, at + 7);
      const components = bytes[at + 9]!;
      if (components < 1 || components > 4 || length !== 8 + 3 * components) unreadable("jpeg_sof");
      dims = { width, height };
    }
    if (marker === 0xda) {
      // Start of scan: the entropy-coded data follows; a frame header must have come first.
      if (!dims) unreadable("jpeg_no_frame");
      return dims;
    }
    at += 2 + length;
  }
  return unreadable("jpeg_truncated");
}

/** Throws `documents.unreadable` unless the bytes are a readable file of `type`. */
export async function verifyDocumentContent(type: TAcceptedType, bytes: Uint8Array): Promise<void> {
  assertNoMarkup(bytes);
  if (type === "application/pdf") return verifyPdf(bytes);
  const { width, height } = type === "image/png" ? pngDimensions(bytes) : jpegDimensions(bytes);
  if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) unreadable("image_dimensions");
}
