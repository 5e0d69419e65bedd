import { createHash } from "node:crypto";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { verifyDetached, type RevocationChecker, type TrustStore, type VerificationResult } from "@/lib/trust/pki/server";
import { normaliseLicenceNumber } from "./licence-number";
import { getPublicLicenceStatus, type TPublicLicence } from "./public-status";

/**
 * Trust anchors and revocation data to judge an uploaded signature with. The caller builds it
 * (lib/trust/certificates `getVerificationContext(db, now)` once it exists); this module reads no PKI state.
 */
export type TUploadVerificationContext = { trustStore: TrustStore; revocations: RevocationChecker; now: Date };

export type TUploadVerification =
  | { outcome: "licence_not_found" }
  | { outcome: "no_signature"; licence: TPublicLicence }
  | {
      outcome: "checked";
      licence: TPublicLicence;
      /** The cryptographic verdict on the uploaded CMS over the uploaded document. */
      verification: VerificationResult;
      /** The uploaded .p7s is byte for byte the signature registered for the licence. */
      sameAsRegistered: boolean;
      /** The uploaded document is the one the registered signature covers (SHA-256 as recorded). */
      documentMatchesRegister: boolean;
    };

/** Limits of the public upload (a server action body is at most 1 MB). */
export const MAX_UPLOAD_SIGNATURE_BYTES = 64 * 1024;
export const MAX_UPLOAD_DOCUMENT_BYTES = 900 * 1024;

/**
 * The bytes of a `.p7s` as people have them: DER (what the portal serves), or Base64 / PEM text
 * (what NCALayer and many signing tools save). Anything else is `licences.upload_unreadable`.
 */
export function readSignatureFile(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw new DomainError("licences.upload_missing");
  if (bytes.length > MAX_UPLOAD_SIGNATURE_BYTES) throw new DomainError("licences.upload_too_large");
  if (bytes[0] === 0x30) return bytes;
  const text = Buffer.from(bytes).toString("latin1").replace(/-----(BEGIN|END)[^-]*-----/g, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new DomainError("licences.upload_unreadable");
  const der = new Uint8Array(Buffer.from(text, "base64"));
  if (der[0] !== 0x30) throw new DomainError("licences.upload_unreadable");
  return der;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Public check of a signed file: a person uploads the signed document and its detached signature
 * (.p7s) and names the licence number. The signature is verified (officer policy of
 * `verifyDetached`) and compared with what the register holds for that licence. When the upload is
 * the registered signature, it is judged at the recorded signing time, as at issue.
 */
export async function verifyUploadedSignature(
  db: DbOrTx,
  input: { number: string; cms: Uint8Array; content: Uint8Array },
  ctx: TUploadVerificationContext,
): Promise<TUploadVerification> {
  const number = normaliseLicenceNumber(input.number);
  if (!number) throw new DomainError("licences.invalid_number");
  if (input.content.length === 0) throw new DomainError("licences.upload_missing");
  if (input.content.length > MAX_UPLOAD_DOCUMENT_BYTES) throw new DomainError("licences.upload_too_large");
  const licence = await getPublicLicenceStatus(db, { number });
  if (!licence) return { outcome: "licence_not_found" };
  const registered = await db.licence.findUnique({ where: { number }, select: { signature: { select: { cms: true, contentSha256: true, signingTime: true } } } });
  const sig = registered?.signature;
  if (!sig) return { outcome: "no_signature", licence };
  const sameAsRegistered = equal(input.cms, new Uint8Array(sig.cms));
  const documentMatchesRegister = createHash("sha256").update(input.content).digest("hex") === sig.contentSha256.toLowerCase();
  const verification = await verifyDetached({
    cms: input.cms,
    content: input.content,
    trustStore: ctx.trustStore,
    revocations: ctx.revocations,
    now: ctx.now,
    ...(sameAsRegistered ? { recordedSigningTime: sig.signingTime } : {}),
  });
  return { outcome: "checked", licence, verification, sameAsRegistered, documentMatchesRegister };
}
