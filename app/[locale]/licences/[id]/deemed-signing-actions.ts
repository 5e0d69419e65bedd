"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { prepareForBrowserSigning } from "@/app/_server/prepared-document";
import { ZPrepareDeemedSignatureInput, ZSignDeemedLicenceInput, prepareDeemedSignature, signDeemedLicence } from "@/lib/cases/licence-signing";

/** The deemed-issued licence PDF with a signature field appended (incremental update) for this certificate. */
export const prepareDeemedSignatureAction = action(ZPrepareDeemedSignatureInput, prepareForBrowserSigning(prepareDeemedSignature), {
  permission: "decision.sign",
});

/** The head's CMS over the new revision: verified, embedded, kept as revision 2. */
export const signDeemedLicenceAction = action(
  ZSignDeemedLicenceInput,
  async (input, { actor, now, meta }) => {
    const r = await signDeemedLicence(getDb(), { actor, now, meta }, input);
    revalidatePath("/[locale]/licences", "layout");
    return r;
  },
  { permission: "decision.sign" },
);
