import { DomainError } from "@/lib/platform/core";

/** The only content types the portal accepts as attachments. */
export const ACCEPTED_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type TAcceptedType = (typeof ACCEPTED_TYPES)[number];

/** File name extensions per type (for the `accept` attribute and the mislabel check). */
export const EXTENSIONS: Record<TAcceptedType, readonly string[]> = {
  "application/pdf": [".pdf"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
};

const SIGNATURES: { type: TAcceptedType; magic: readonly number[] }[] = [
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** Content type by magic bytes at offset 0; null for anything else. */
export function sniffType(bytes: Uint8Array): TAcceptedType | null {
  for (const { type, magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

/** Aliases browsers and scanners send for the same formats. */
const TYPE_ALIASES: Record<string, TAcceptedType> = {
  "application/pdf": "application/pdf",
  "application/x-pdf": "application/pdf",
  "image/jpeg": "image/jpeg",
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/png": "image/png",
  "image/x-png": "image/png",
};

/** Declared types that say nothing about the content (the browser did not know). */
const UNINFORMATIVE = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown"]);

function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf(".");
  if (dot <= 0 || dot === fileName.length - 1) return null;
  return fileName.slice(dot).toLowerCase();
}

/**
 * The content type of an upload, checked against what the client claims: the content must be
 * PDF/JPEG/PNG (`documents.unsupported_type`), and a file name extension or declared MIME type
 * that names another type is refused (`documents.mislabelled`) — a JPEG called "scan.pdf" is
 * a mistake the applicant should see, not something to fix silently.
 */
export function detectDocumentType(input: { bytes: Uint8Array; fileName: string; declaredType?: string | null }): TAcceptedType {
  const type = sniffType(input.bytes);
  if (!type) throw new DomainError("documents.unsupported_type");
  const ext = extensionOf(input.fileName);
  if (ext !== null && !EXTENSIONS[type].includes(ext)) throw new DomainError("documents.mislabelled", { detected: type, extension: ext });
  const declared = (input.declaredType ?? "").split(";")[0]!.trim().toLowerCase();
  if (!UNINFORMATIVE.has(declared) && TYPE_ALIASES[declared] !== type) throw new DomainError("documents.mislabelled", { detected: type, declared });
  return type;
}

/** For `<input accept>`: the MIME types and extensions together. */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_TYPES, ...Object.values(EXTENSIONS).flat()].join(",");
