import { z } from "zod";
import { documentSlots, getService, recipientOfSubjectKind, type TDocumentSlot, type TVariantCode } from "@/lib/law/catalogue";
import { DomainError } from "@/lib/platform/core";

/**
 * Where the paper package lives: `Application.formData._paperPackage`. formData is the applicant's
 * request; the package is what the applicant handed over with it, so it belongs next to it (the
 * engine owns `workflowData`). The leading underscore keeps it out of every catalogue form field,
 * and `buildFormSchema` strips it when the form is validated.
 */
export const PAPER_PACKAGE_KEY = "_paperPackage";

export const ZPaperPackage = z.object({
  /** Keys of the provider-channel slots whose paper original the officer saw. */
  present: z.array(z.string()),
  recordedAt: z.string(),
  recordedById: z.string(),
});
export type TPaperPackage = z.infer<typeof ZPaperPackage>;

/** The recorded package of an application's formData, or null when none was recorded yet. */
export function readPaperPackage(formData: unknown): TPaperPackage | null {
  if (!formData || typeof formData !== "object") return null;
  const parsed = ZPaperPackage.safeParse((formData as Record<string, unknown>)[PAPER_PACKAGE_KEY]);
  return parsed.success ? parsed.data : null;
}

/** formData without the package: the applicant's answers only. */
export function applicantFormData(formData: unknown): Record<string, unknown> {
  if (!formData || typeof formData !== "object" || Array.isArray(formData)) return {};
  const { [PAPER_PACKAGE_KEY]: _package, ...rest } = formData as Record<string, unknown>;
  return rest;
}

export function variantCodeOf(variant: string): TVariantCode {
  return variant.toLowerCase() as TVariantCode;
}

/** The paper package the provider's office accepts for this service, variant and applicant category. */
export function paperSlots(app: { serviceCode: string; variant: string; subjectKind: string }): readonly TDocumentSlot[] {
  const service = getService(app.serviceCode);
  if (!service) throw new DomainError("catalogue.unknown_service", { service: app.serviceCode });
  return documentSlots(service, variantCodeOf(app.variant), "provider", recipientOfSubjectKind(app.subjectKind));
}

export type TPackageCheck = {
  /** Required paper documents not marked as present. */
  notPresent: string[];
  /** Documents marked as present with no scan attached. */
  notScanned: string[];
  /** Scans attached for documents not marked as present (the officer must confirm the paper). */
  scannedNotPresent: string[];
};

/**
 * Process 6 of the provider route: the officer marks which paper documents exist and attaches
 * their scans [001 L308-310]. Every required document must be present, and every present
 * document scanned.
 */
export function checkPaperPackage(slots: readonly TDocumentSlot[], present: readonly string[], scannedSlotKeys: readonly string[]): TPackageCheck {
  const marked = new Set(present);
  const scanned = new Set(scannedSlotKeys);
  return {
    notPresent: slots.filter((s) => s.required && !marked.has(s.key)).map((s) => s.key),
    notScanned: slots.filter((s) => marked.has(s.key) && !scanned.has(s.key)).map((s) => s.key),
    scannedNotPresent: slots.filter((s) => scanned.has(s.key) && !marked.has(s.key)).map((s) => s.key),
  };
}

export function packageComplete(c: TPackageCheck): boolean {
  return c.notPresent.length === 0 && c.notScanned.length === 0 && c.scannedNotPresent.length === 0;
}
