import { documentSlots, getService, type TI18n, type TRecipient, type TService, type TVariantCode } from "@/lib/law/catalogue";
import type { TCheck } from "@/lib/law/regulations";

/** `hint`: the situation a requirement applies in (e.g. a receiving point outside the base). */
export type TChecklistItem = { key: string; label: TI18n; hint?: TI18n };

/**
 * The items a check is recorded against, from the catalogue:
 * - completeness: the document slots of the application's variant and channel (an incomplete
 *   package names the missing or faulty ones);
 * - qualification, and the 003 pre-licensing inspection: the service's qualification
 *   requirements that apply to the sub-types applied for; every one must be answered.
 */
export type TChecklist = { check: TCheck; items: TChecklistItem[]; everyItemRequired: boolean };

type AppForChecklist = {
  serviceCode: string;
  variant: string;
  channel: "PORTAL" | "PROVIDER" | "PSC" | "POST";
  formData: unknown;
  subject: { kind: "LEGAL_ENTITY" | "INDIVIDUAL_ENTREPRENEUR" | "INDIVIDUAL" };
};

const RECIPIENT: Record<AppForChecklist["subject"]["kind"], TRecipient> = {
  LEGAL_ENTITY: "legal_entity",
  INDIVIDUAL_ENTREPRENEUR: "individual_entrepreneur",
  INDIVIDUAL: "individual",
};

/** Sub-types the applicant asked for (form field `activitySubtypes`), if any. */
export function requestedSubtypes(formData: unknown): string[] {
  const v = (formData as Record<string, unknown> | null)?.activitySubtypes;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function slotsOf(service: TService, app: AppForChecklist): TChecklistItem[] {
  try {
    const channel = app.channel === "PORTAL" ? "portal" : "provider";
    return documentSlots(service, app.variant.toLowerCase() as TVariantCode, channel, RECIPIENT[app.subject.kind]).map((s) => ({ key: s.key, label: s.label }));
  } catch {
    return []; // variant or channel the catalogue does not offer (old data): nothing to list
  }
}

export function checklistFor(app: AppForChecklist, check: TCheck): TChecklist {
  const service = getService(app.serviceCode);
  if (!service) return { check, items: [], everyItemRequired: false };
  if (check === "completeness") return { check, items: slotsOf(service, app), everyItemRequired: false };
  const asked = new Set(requestedSubtypes(app.formData));
  const items = service.qualificationRequirements
    .filter((q) => !q.subtypes || asked.size === 0 || q.subtypes.some((s) => asked.has(s)))
    .map((q) => ({ key: q.code, label: q.label, ...(q.condition ? { hint: q.condition } : {}) }));
  return { check, items, everyItemRequired: true };
}
