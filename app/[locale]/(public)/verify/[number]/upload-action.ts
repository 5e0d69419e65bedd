"use server";

import { z } from "zod";
import { publicAction } from "@/app/_server/action";
import { DomainError } from "@/lib/platform/core";
import { getDb } from "@/app/_server/db";
import { readSignatureFile, verifyUploadedSignature } from "@/lib/cases/licences";
import { getVerificationContext } from "@/lib/trust/certificates";

// Lives next to the verification page of a number because that folder is where the licence
// pages are kept; the search page (../page.tsx) renders the form.

const ZUploadInput = z.object({
  number: z.string().trim().min(1, { message: "validation.required" }).max(60),
  document: z.instanceof(File, { message: "licences.upload_missing" }),
  signature: z.instanceof(File, { message: "licences.upload_missing" }),
});

export type TUploadCheck =
  | { outcome: "licence_not_found"; number: string }
  | { outcome: "no_signature"; number: string; licenceStatus: string }
  | {
      outcome: "checked";
      number: string;
      licenceStatus: string;
      status: string;
      signerName: string | null;
      signingTime: string | null;
      sameAsRegistered: boolean;
      documentMatchesRegister: boolean;
    };

/** Public: no sign-in. Verifies an uploaded document + .p7s against the register entry of a licence. */
export const verifyUploadAction = publicAction(ZUploadInput, async (input, { now }): Promise<TUploadCheck> => {
  const cms = readSignatureFile(new Uint8Array(await input.signature.arrayBuffer()));
  const content = new Uint8Array(await input.document.arrayBuffer());
  if (content.length === 0) throw new DomainError("licences.upload_missing");
  const db = getDb();
  const { trustStore, revocations } = await getVerificationContext(db, now);
  const r = await verifyUploadedSignature(db, { number: input.number, cms, content }, { trustStore, revocations, now });
  if (r.outcome === "licence_not_found") return { outcome: r.outcome, number: input.number };
  if (r.outcome === "no_signature") return { outcome: r.outcome, number: r.licence.number, licenceStatus: r.licence.status };
  const signer = r.verification.signer;
  return {
    outcome: "checked",
    number: r.licence.number,
    licenceStatus: r.licence.status,
    status: r.verification.status,
    signerName: signer ? (signer.commonName ?? signer.subject) : null,
    signingTime: r.verification.signingTime?.toISOString() ?? null,
    sameAsRegistered: r.sameAsRegistered,
    documentMatchesRegister: r.documentMatchesRegister,
  };
}, { public: "anyone may check a licence file" });
