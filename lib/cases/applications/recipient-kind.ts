import type { TRecipient } from "@/lib/law/catalogue";

const BY_SUBJECT_KIND: Record<string, TRecipient> = {
  LEGAL_ENTITY: "legal_entity",
  INDIVIDUAL_ENTREPRENEUR: "individual_entrepreneur",
  INDIVIDUAL: "individual",
};

/** The catalogue's recipient category of a subject (who may apply follows the service). */
export function recipientOf(subjectKind: string): TRecipient {
  const r = BY_SUBJECT_KIND[subjectKind];
  if (!r) throw new Error(`unknown subject kind ${subjectKind}`);
  return r;
}
