import type { TLicencePdfInput } from "@/lib/cases/licence-pdf";
import { licencePdfInput, licenceVerifyUrl, type TLicenceRecord } from "@/lib/cases/licences";
import { publicBaseUrl } from "@/lib/trust/certificates";
import type { OriginalOfDuplicate } from "./pending-record";

/**
 * The PDF input of a licence document kept in the register: the QR code points at the portal's
 * public URL (PUBLIC_BASE_URL / NEXTAUTH_URL), a document the head signs says that its signature
 * is embedded, and a duplicate names the original's signer and carries the original signed PDF
 * as an embedded file.
 */
export function registerDocumentInput(record: TLicenceRecord, o: { embedded: boolean; original?: OriginalOfDuplicate | null }): TLicencePdfInput {
  const input: TLicencePdfInput = { ...licencePdfInput(record), verifyUrl: licenceVerifyUrl(publicBaseUrl(), record.number), signatureEmbedded: o.embedded };
  if (o.original) {
    input.original = { signerName: o.original.signerName, signedAt: o.original.signedAt };
    if (o.original.pdf) {
      input.attachments = [
        {
          name: `${record.number}-original.pdf`,
          bytes: o.original.pdf,
          mimeType: "application/pdf",
          description: "Түпнұсқа лицензия (қол қойылған PDF) / Оригинал лицензии (подписанный PDF)",
        },
      ];
    }
  }
  return input;
}

/** The /Reason of the signature dictionary (ASCII: see lib/trust/pades). */
export const SIGNING_REASON = "Licence issued by the licensor (EDS of the authorised person)";
