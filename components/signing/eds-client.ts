import { isDomainError } from "@/lib/platform/core";

/** Browser helpers shared by the EDS sign-in and the signing component (no key ever leaves the page). */

export function bytesToBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Let React paint the progress message before CPU-bound work (PKCS#12 decryption, RSA signing). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30));
}

/** An error → the i18n code to show (DomainError codes, or a code thrown as a plain Error by callers). */
export function errorCodeOf(e: unknown): string {
  if (isDomainError(e)) return e.code;
  if (e instanceof Error && /^[a-z_]+(\.[a-z_]+)+$/.test(e.message)) return e.message;
  return "errors.unexpected";
}

/** Which input an error belongs to, for aria-describedby and aria-invalid. */
export function fieldOf(code: string): "file" | "password" | null {
  if (code === "pki.wrong_password" || code === "eds.errors.password_required") return "password";
  if (
    [
      "pki.not_pkcs12",
      "pki.unsupported_format",
      "pki.input_too_large",
      "pki.no_key",
      "pki.no_certificate",
      "pki.unsupported_algorithm",
      "pki.wrong_key_usage",
      "pki.key_mismatch",
      "eds.signIn.wrongKey",
      "eds.sign.wrongKey",
      "eds.errors.file_required",
      "eds.errors.file_unreadable",
    ].includes(code)
  ) {
    return "file";
  }
  return null;
}
