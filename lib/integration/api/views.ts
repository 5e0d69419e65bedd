import type { z } from "zod";
import { documentSlots, feeFor, formDefinition, type TDocumentSlot, type TService, type TVariantCode } from "@/lib/law/catalogue";
import { isDomainError } from "@/lib/platform/core";
import { loadMessages, LOCALES, type Locale } from "@/lib/platform/i18n";
import { organisationsForService } from "@/lib/law/organisations";
import type { ReadyCheck } from "@/lib/cases/applications";
import type { SignatureVerdict } from "@/lib/trust/signatures";
import { englishMessage } from "./messages";
import type {
  ZApplication,
  ZApplicationSummary,
  ZFee,
  ZFieldError,
  ZFormField,
  ZReadiness,
  ZService,
  ZServiceDetail,
  ZServiceVariant,
  ZSignatureVerdict,
} from "./schemas";

/** Domain objects → the server side (`z.output`) of the wire schemas; `z.encode` does the rest. */

type Out<T extends z.ZodType> = z.output<T>;
type I18n = { kk: string; ru: string; en: string };

function slotView(s: TDocumentSlot) {
  return { key: s.key, label: s.label, required: s.required, multiple: s.multiple, recipients: s.recipients ? [...s.recipients] : null, hint: s.hint ?? null };
}

function feeView(service: TService, variant: TVariantCode, now: Date): Out<typeof ZFee> {
  try {
    const q = feeFor(service, variant, now);
    if (q.free) return { free: true, currency: "KZT", mci: null, mciValue: null, amountKzt: null };
    return { free: false, currency: "KZT", mci: q.mci, mciValue: q.mciValue, amountKzt: q.amountKzt };
  } catch (e) {
    // This year's MCI is not configured yet: the rate is known, the amount is not.
    if (!isDomainError(e)) throw e;
    const mci = service.fee.kind === "free" ? null : (service.fee.mci[variant] ?? null);
    return { free: false, currency: "KZT", mci, mciValue: null, amountKzt: null };
  }
}

function variantView(service: TService, code: TVariantCode, now: Date): Out<typeof ZServiceVariant> {
  const v = service.variants.find((x) => x.code === code)!;
  const online = service.channels.includes("portal");
  return {
    code: v.code,
    term: { value: v.term.value, unit: v.term.unit },
    fee: feeView(service, code, now),
    documents: online ? documentSlots(service, code, "portal").map(slotView) : [],
  };
}

export function serviceView(service: TService, now: Date): Out<typeof ZService> {
  return {
    code: service.code,
    standardNo: service.standardNo,
    kind: service.kind,
    title: service.title,
    shortTitle: service.shortTitle,
    providerLevel: service.providerLevel,
    recipients: [...service.recipients],
    onlineAvailable: service.channels.includes("portal"),
    variants: service.variants.map((v) => variantView(service, v.code, now)),
    providers: organisationsForService(service.code).map((o) => ({ code: o.code, kind: o.kind === "committee" ? ("committee" as const) : ("regional" as const), region: o.region, name: o.name })),
    refusalGrounds: service.refusalGrounds.map((g) => ({ code: g.code, label: g.label })),
  };
}

type MessageTrees = Record<Locale, Record<string, unknown>>;

/** A message key in all three languages (form labels are keys like `catalogue.form.activityAddress`). */
function i18nOfKey(key: string, trees: MessageTrees): I18n {
  const text = (l: Locale) => {
    const v = key.split(".").reduce<unknown>((o, p) => (o && typeof o === "object" ? (o as Record<string, unknown>)[p] : undefined), trees[l]);
    return typeof v === "string" ? v : key;
  };
  return { kk: text("kk"), ru: text("ru"), en: text("en") };
}

export function serviceDetailView(service: TService, now: Date): Out<typeof ZServiceDetail> {
  const base = serviceView(service, now);
  const trees = Object.fromEntries(LOCALES.map((l) => [l, loadMessages(l)])) as MessageTrees;
  return {
    ...base,
    asOf: now,
    variants: base.variants.map((v) => ({
      ...v,
      form: formDefinition(service, v.code).map((f): Out<typeof ZFormField> => ({
        name: f.name,
        kind: f.kind,
        label: typeof f.label === "string" ? i18nOfKey(f.label, trees) : f.label,
        required: f.required,
        ...(f.options ? { options: f.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
        ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
        ...(f.minItems !== undefined ? { minItems: f.minItems } : {}),
        ...(f.defaultValue !== undefined ? { defaultValue: typeof f.defaultValue === "string" ? f.defaultValue : [...f.defaultValue] } : {}),
      })),
    })),
    activitySubtypes: service.activitySubtypes.map((g) => ({ code: g.code, label: g.label })),
    reissueGrounds: service.reissueGrounds.map((g) => ({ code: g.code, label: g.label })),
    duplicateReasons: service.duplicateReasons.map((g) => ({ code: g.code, label: g.label })),
    resultDescription: service.resultDescription,
    appeals: service.appeals,
  };
}

type OrgNames = { code: string; nameKk: string; nameRu: string; nameEn: string };
const orgRef = (o: OrgNames) => ({ code: o.code, name: { kk: o.nameKk, ru: o.nameRu, en: o.nameEn } });
const variantCode = (v: string) => v.toLowerCase() as TVariantCode;

type SummaryRow = {
  id: string;
  registrationNumber: string | null;
  serviceCode: string;
  variant: string;
  status: Out<typeof ZApplicationSummary>["status"];
  stepKey: string | null;
  dueAt: Date | null;
  createdAt: Date;
  organisation: OrgNames;
};

export function applicationSummaryView(a: SummaryRow): Out<typeof ZApplicationSummary> {
  return {
    id: a.id,
    registrationNumber: a.registrationNumber,
    serviceCode: a.serviceCode,
    variant: variantCode(a.variant),
    status: a.status,
    currentStep: a.stepKey,
    dueAt: a.dueAt,
    createdAt: a.createdAt,
    organisation: orgRef(a.organisation),
  };
}

type DetailRow = SummaryRow & {
  version: number;
  baseLicenceId: string | null;
  formData: unknown;
  stepDueAt: Date | null;
  submittedAt: Date | null;
  registeredAt: Date | null;
  closedAt: Date | null;
  steps: Out<typeof ZApplication>["timeline"];
  documents: Out<typeof ZApplication>["documents"];
};

export function applicationView(a: DetailRow): Out<typeof ZApplication> {
  return {
    ...applicationSummaryView(a),
    version: a.version,
    baseLicenceId: a.baseLicenceId,
    formData: a.formData && typeof a.formData === "object" ? (a.formData as Record<string, unknown>) : {},
    currentStepDueAt: a.stepDueAt,
    submittedAt: a.submittedAt,
    registeredAt: a.registeredAt,
    closedAt: a.closedAt,
    timeline: a.steps,
    documents: a.documents,
  };
}

/** `{ path: code }` → `{ path: { code, message } }`. */
export function fieldErrorsView(codes: Record<string, string>): Record<string, Out<typeof ZFieldError>> {
  return Object.fromEntries(Object.entries(codes).map(([path, code]) => [path, { code, message: englishMessage(code) }]));
}

export function readinessView(r: ReadyCheck): Out<typeof ZReadiness> {
  return {
    ready: Object.keys(r.formErrors).length === 0 && r.missingSlots.length === 0 && r.paid,
    formErrors: fieldErrorsView(r.formErrors),
    missingSlots: r.missingSlots,
    paid: r.paid,
  };
}

export function signatureVerdictView(v: SignatureVerdict): Out<typeof ZSignatureVerdict> {
  return {
    status: v.status,
    ...(v.reason !== undefined ? { reason: v.reason } : {}),
    signer: v.signer
      ? {
          name: v.signer.name,
          iin: v.signer.iin,
          bin: v.signer.bin,
          organisation: v.signer.organisation,
          serial: v.signer.serial,
          issuer: v.signer.issuer,
          notBefore: v.signer.notBefore,
          notAfter: v.signer.notAfter,
        }
      : null,
    ...(v.judgedAt ? { judgedAt: v.judgedAt } : {}),
    ...(v.revokedAt ? { revokedAt: v.revokedAt } : {}),
  };
}
