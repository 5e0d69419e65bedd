/** 10 MiB: a multi-page scan at 200–300 dpi fits; larger files are usually photos that should be PDFs. */
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** How many files one "multiple" slot may hold (a guard against runaway uploads, not a legal rule). */
export const MAX_FILES_PER_SLOT = 30;

/** `UPLOAD_MAX_BYTES` (a positive whole number of bytes), else 10 MiB. A malformed value is a configuration error. */
export function uploadMaxBytes(env: Record<string, string | undefined> = process.env): number {
  const raw = env.UPLOAD_MAX_BYTES?.trim();
  if (!raw) return DEFAULT_UPLOAD_MAX_BYTES;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0 || !Number.isSafeInteger(Number(raw))) {
    throw new Error(`UPLOAD_MAX_BYTES must be a positive whole number of bytes, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}
