"use server";

import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { ZPrepareDecisionDocumentInput, prepareDecisionDocument } from "@/lib/cases/licence-signing";


/**
 * The licence PDF for the head's certificate, with an empty PAdES field: the browser signs its byte
 * ranges and sends the CMS with `signDecisionAction` (lib/cases/licence-signing).
 */
export const prepareLicenceDocumentAction = action(
  ZPrepareDecisionDocumentInput,
  async (input, { actor, now, meta }) => {
    const prepared = await prepareDecisionDocument(getDb(), { actor, now, meta }, input);
    return { preparationId: prepared.preparationId, pdfBase64: Buffer.from(prepared.pdf).toString("base64"), byteRange: prepared.byteRange };
  },
  { permission: "decision.sign" },
);
