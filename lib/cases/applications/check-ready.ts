import { buildFormSchema, fieldIssues, getService, type TVariantCode } from "@/lib/law/catalogue";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx, Variant } from "@/lib/platform/db";
import { missingRequiredSlots, slotsForApplication } from "@/lib/cases/documents";
import { feeRequired, isApplicationPaid } from "@/lib/cases/payments";

export type ReadyCheck = { formErrors: Record<string, string>; missingSlots: string[]; paid: boolean };

/** What still stops a draft from being signed: invalid fields, required documents, the fee. */
export async function readiness(
  db: DbOrTx,
  app: { id: string; serviceCode: string; variant: Variant; formData: unknown; channel?: "PORTAL" | "PROVIDER" | "PSC" | "POST"; subject?: { kind: "LEGAL_ENTITY" | "INDIVIDUAL_ENTREPRENEUR" | "INDIVIDUAL" } },
  /** What the caller already read in the same transaction: the live attachments' slots and whether a PAID payment exists. */
  loaded?: { documentSlots: readonly string[]; hasPaidPayment: boolean },
): Promise<ReadyCheck> {
  const service = getService(app.serviceCode);
  if (!service) throw new DomainError("catalogue.unknown_service");
  const parsed = buildFormSchema(service, app.variant.toLowerCase() as TVariantCode).safeParse(app.formData ?? {});
  const formErrors = parsed.success
    ? {}
    : fieldIssues(parsed.error);
  // The row the caller loaded (with its channel and recipient kind) is not read again (issue 14).
  const { channel, subject } = app;
  if (loaded && channel && subject) {
    const present = new Set(loaded.documentSlots);
    const missingSlots = slotsForApplication({ ...app, channel, subject })
      .filter((s) => s.required && !present.has(s.key))
      .map((s) => s.key);
    return { formErrors, missingSlots, paid: loaded.hasPaidPayment || !feeRequired(app.serviceCode, app.variant) };
  }
  const missingSlots = (await missingRequiredSlots(db, channel && subject ? { ...app, channel, subject } : app.id)).map((s) => s.key);
  // Not a try/catch around requirePaid: a failed query (an expired transaction under load) must
  // surface as the error it is, not as "not paid" (seen as 402s in the failover test).
  const paid = await isApplicationPaid(db, app.id, app);
  return { formErrors, missingSlots, paid };
}

/** Throws the first reason a draft cannot be submitted (each with its own localized message). */
export function assertReady(r: ReadyCheck): void {
  if (Object.keys(r.formErrors).length) throw new DomainError("applications.form_incomplete", { fieldErrors: r.formErrors });
  if (r.missingSlots.length) throw new DomainError("applications.documents_missing", { slots: r.missingSlots });
  if (!r.paid) throw new DomainError("payments.not_paid");
}
