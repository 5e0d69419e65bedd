"use server";

import { action } from "@/app/_server/action";
import { prepareForBrowserSigning } from "@/app/_server/prepared-document";
import { ZPrepareDecisionDocumentInput, prepareDecisionDocument } from "@/lib/cases/licence-signing";

/**
 * The licence PDF for the head's certificate, with an empty PAdES field: the browser signs its byte
 * ranges and sends the CMS with `signDecisionAction` (lib/cases/licence-signing).
 */
export const prepareLicenceDocumentAction = action(ZPrepareDecisionDocumentInput, prepareForBrowserSigning(prepareDecisionDocument), {
  permission: "decision.sign",
});
