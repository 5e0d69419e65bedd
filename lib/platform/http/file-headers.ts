/**
 * The headers of every response that returns file bytes (issue 13, F6/F12): stored uploads, licence
 * PDFs and signatures, signed packages, exports, certificates. One function, so that no route can
 * forget one of them:
 * - `Content-Disposition: attachment` (the browser saves the file, it does not render it on our
 *   origin); `inline` only where a route asks for it — the licence PDF viewer, a document the
 *   portal itself produced;
 * - `Content-Security-Policy: sandbox; default-src 'none'; …`: a file that is rendered anyway
 *   (opened from the downloads bar, or the inline PDF) is a sandboxed document with an opaque
 *   origin: it runs no script, reaches no cookie, loads nothing and cannot be framed (Chromium's PDF
 *   viewer still shows a sandboxed PDF: checked with Chromium 156, see docs/security.md);
 * - `X-Content-Type-Options: nosniff`, so that the declared type is the only one;
 * - `Cache-Control`: personal data by default (`private, no-store`).
 * The file name is sent as an ASCII fallback plus the exact UTF-8 name (RFC 6266 / RFC 5987).
 */

export type TFileHeaders = {
  fileName: string;
  contentType: string;
  /** `inline` only for the licence PDF viewer (and other PDFs the portal renders itself). */
  disposition?: "attachment" | "inline";
  /** Bytes, when known (sets Content-Length). */
  size?: number;
  /** Default `private, no-store`; public trust material (CA certificates, CRL) may be cached. */
  cacheControl?: string;
  etag?: string;
  /** `same-origin`: the portal's own pages may frame it (the head's draft preview); default: nobody. */
  framing?: "none" | "same-origin";
  extra?: Record<string, string>;
};

/** Every file response: a sandboxed, script-less, unframeable document. */
export const FILE_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * `Content-Disposition` with an ASCII fallback and the exact UTF-8 name, so «Жарғы.pdf» downloads
 * under its Kazakh name. Control characters, quotes and backslashes never reach the header.
 */
export function contentDisposition(fileName: string, kind: "inline" | "attachment"): string {
  const clean = fileName.replace(/[\u0000-\u001f\u007f]/g, "");
  const fallback = clean.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "file";
  const encoded = encodeURIComponent(clean || "file").replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The headers of a file response; pass the result to `new Response(bytes, { headers })`. */
export function fileHeaders(f: TFileHeaders): Record<string, string> {
  const disposition = f.disposition ?? "attachment";
  return {
    ...f.extra,
    "Content-Type": f.contentType,
    ...(f.size !== undefined ? { "Content-Length": String(f.size) } : {}),
    "Content-Disposition": contentDisposition(f.fileName, disposition),
    "Content-Security-Policy": f.framing === "same-origin" ? FILE_CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'") : FILE_CSP,
    ...(f.framing === "same-origin" ? { "X-Frame-Options": "SAMEORIGIN" } : {}),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": f.cacheControl ?? "private, no-store",
    ...(f.etag ? { ETag: f.etag } : {}),
  };
}

/** A response carrying file bytes, with the headers above. */
export function fileResponse(bytes: Uint8Array, f: TFileHeaders): Response {
  return new Response(Buffer.from(bytes), { headers: fileHeaders(f) });
}
