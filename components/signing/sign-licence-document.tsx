"use client";

import { signDetached, type OpenedPkcs12 } from "@/lib/trust/pki";
import { SignWithEds } from "./sign-with-eds";
import { base64ToBytes, bytesToBase64 } from "./eds-client";

/** What the server answers when it has prepared the licence PDF for this certificate. */
export type PreparedLicenceDocument = { preparationId: string; pdfBase64: string; byteRange: [number, number, number, number] };

/** The signatures made in one step: the PDF's PAdES CMS and, for a decision, the decision record's CMS. */
export type LicenceSignatures = { preparationId: string; documentCmsBase64: string; decisionCmsBase64: string | null };

/** The bytes a PAdES signature covers: the PDF without its /Contents gap. */
function byteRangeContent(pdf: Uint8Array, [a, b, c, d]: [number, number, number, number]): Uint8Array {
  const out = new Uint8Array(b + d);
  out.set(pdf.subarray(a, a + b), 0);
  out.set(pdf.subarray(c, c + d), b);
  return out;
}

/**
 * The head signs the licence itself, in one action: opens the key store (in the browser), asks the
 * server to prepare the final licence PDF for this certificate (`prepare`, a server action passed in),
 * signs its byte ranges — and the decision record when given — with the same key, and hands both
 * CMS to `onSigned`. The key and the password never leave the page.
 */
export function SignLicenceDocument(props: {
  /** The decision record to sign in the same step (absent: a signature attached to a deemed-issued licence). */
  decisionContentBase64?: string | null;
  prepare: (certificateBase64: string) => Promise<{ ok: true; data: PreparedLicenceDocument } | { ok: false; code: string }>;
  onSigned: (signatures: LicenceSignatures) => Promise<void>;
  purpose?: "licence" | "deemed";
  disabled?: boolean;
}) {
  async function produce(opened: OpenedPkcs12): Promise<string> {
    const prepared = await props.prepare(bytesToBase64(opened.certificateDer));
    if (!prepared.ok) throw new Error(prepared.code);
    const signingTime = new Date();
    const sign = (content: Uint8Array) =>
      bytesToBase64(signDetached({ key: opened.key, certificate: opened.certificate, chain: opened.chain, content, signingTime, purpose: "signing" }));
    const signatures: LicenceSignatures = {
      preparationId: prepared.data.preparationId,
      documentCmsBase64: sign(byteRangeContent(base64ToBytes(prepared.data.pdfBase64), prepared.data.byteRange)),
      decisionCmsBase64: props.decisionContentBase64 ? sign(base64ToBytes(props.decisionContentBase64)) : null,
    };
    return JSON.stringify(signatures);
  }
  return (
    <SignWithEds
      purpose={props.purpose === "deemed" ? "deemed" : "licence"}
      produce={produce}
      disabled={props.disabled}
      onSigned={(payload) => props.onSigned(JSON.parse(payload) as LicenceSignatures)}
    />
  );
}
