import { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import type { TChannel, TDocumentSlot, TI18n, TRecipient, TService, TVariant, TVariantCode } from "./schema";

/**
 * One field list drives both the rendered application form and its server validation.
 * Labels and validation messages are full next-intl keys ("catalogue.form.*",
 * "validation.*", "catalogue.validation.*"); option labels are ready {kk,ru,en} texts.
 */
export type TFieldKind = "text" | "textarea" | "select" | "multiselect" | "date" | "email" | "phone" | "number";
export type TFieldOption = { value: string; label: TI18n };
export type TFieldDescriptor = {
  name: string;
  kind: TFieldKind;
  label: string | TI18n;
  required: boolean;
  options?: readonly TFieldOption[];
  maxLength?: number;
  minItems?: number;
  /** Suggested initial value (a single-option multiselect is pre-selected). */
  defaultValue?: string | readonly string[];
};
/** Facts about the applicant's existing licence that shape the form (annex: sub-types already licensed). */
export type TFormContext = { currentSubtypes?: readonly string[] };
export type TFormValues = Record<string, unknown>;

/** Every validation message key the form schemas can produce. */
export const FORM_MESSAGES = {
  required: "validation.required",
  invalidType: "validation.invalid_type",
  invalidOption: "validation.invalid_value",
  tooLong: "validation.too_big",
  invalidEmail: "validation.email",
  invalidPhone: "validation.phone",
  invalidDate: "validation.invalid_format",
  invalidNumber: "validation.invalid_type",
  minOne: "catalogue.validation.min_one",
  duplicate: "catalogue.validation.duplicate_option",
  alreadyLicensed: "catalogue.validation.subtype_already_licensed",
} as const;
const V = FORM_MESSAGES;

const TEXT_MAX = 200;
const ADDRESS_MAX = 500;

function variantOrThrow(service: TService, variant: TVariantCode): TVariant {
  // Not getVariant from load-catalogue: this file is also the browser's entry (no catalogue data bundled).
  const v = service.variants.find((x) => x.code === variant);
  if (!v) throw new DomainError("catalogue.variant_not_offered", { service: service.code, variant });
  return v;
}

export function formDefinition(service: TService, variant: TVariantCode, ctx: TFormContext = {}): readonly TFieldDescriptor[] {
  variantOrThrow(service, variant);
  const current = new Set(ctx.currentSubtypes ?? []);
  const subtypeOptions = service.activitySubtypes
    .filter((s) => variant !== "annex" || !current.has(s.code))
    .map((s) => ({ value: s.code, label: s.label }));
  const fields: TFieldDescriptor[] = [];
  const licenceNumber: TFieldDescriptor = { name: "previousLicenceNumber", kind: "text", label: "catalogue.form.previousLicenceNumber", required: true, maxLength: 50 };

  if (variant === "reissue") {
    fields.push(
      { name: "reissueGround", kind: "select", label: "catalogue.form.reissueGround", required: true, options: service.reissueGrounds.map((g) => ({ value: g.code, label: g.label })) },
      licenceNumber,
    );
    // The window of 30 calendar days runs from the change [004 L2533-2537, L7791-7794].
    if (service.reissueApplicationWindow) fields.splice(1, 0, { name: "changeDate", kind: "date", label: "catalogue.form.changeDate", required: true });
  }
  if (variant === "duplicate") {
    fields.push(
      { name: "duplicateReason", kind: "select", label: "catalogue.form.duplicateReason", required: true, options: service.duplicateReasons.map((g) => ({ value: g.code, label: g.label })) },
      licenceNumber,
    );
  }
  if (variant === "annex") fields.push(licenceNumber);
  if (variant === "reregistration") {
    fields.push({ name: "previousCertificateNumber", kind: "text", label: "catalogue.form.previousCertificateNumber", required: true, maxLength: 50 });
  }
  if (variant !== "duplicate") {
    const onlyOne = subtypeOptions.length === 1 ? { defaultValue: [subtypeOptions[0]!.value] } : {};
    fields.push({
      name: "activitySubtypes",
      kind: "multiselect",
      label: variant === "annex" ? "catalogue.form.newActivitySubtypes" : "catalogue.form.activitySubtypes",
      required: true,
      minItems: 1,
      options: subtypeOptions,
      ...onlyOne,
    });
  }
  fields.push(
    { name: "activityAddress", kind: "textarea", label: "catalogue.form.activityAddress", required: true, maxLength: ADDRESS_MAX },
    { name: "contactPhone", kind: "phone", label: "catalogue.form.contactPhone", required: true, maxLength: 30 },
    { name: "contactEmail", kind: "email", label: "catalogue.form.contactEmail", required: true, maxLength: 254 },
  );
  return fields;
}

const typeError = (iss: { input?: unknown }) => (iss.input === undefined ? V.required : V.invalidType);
const PHONE = /^(?:\+7|8)(\d{10})$/;

function requiredString(max: number) {
  return z.string({ error: typeError }).trim().min(1, { message: V.required, abort: true }).max(max, { message: V.tooLong, abort: true });
}

function strictField(f: TFieldDescriptor, ctx: TFormContext): z.ZodType {
  const max = f.maxLength ?? TEXT_MAX;
  const values = (f.options ?? []).map((o) => o.value);
  let schema: z.ZodType;
  switch (f.kind) {
    case "text":
    case "textarea":
      schema = requiredString(max);
      break;
    case "email":
      schema = requiredString(max).pipe(z.email({ message: V.invalidEmail }));
      break;
    case "phone":
      // Kazakhstan numbers: +7 or 8 and ten digits; spaces, dashes and brackets are ignored. Stored as +7XXXXXXXXXX.
      schema = requiredString(max)
        .transform((s) => s.replace(/[\s()-]/g, ""))
        .refine((s) => PHONE.test(s), { message: V.invalidPhone })
        .transform((s) => `+7${PHONE.exec(s)![1]}`);
      break;
    case "date":
      schema = z.iso.date({ error: (iss) => (iss.input === undefined ? V.required : V.invalidDate) });
      break;
    case "number":
      schema = z.number({ error: (iss) => (iss.input === undefined ? V.required : V.invalidNumber) });
      break;
    case "select":
      schema = z.string({ error: typeError }).refine((v) => values.includes(v), { message: V.invalidOption });
      break;
    case "multiselect": {
      const licensed = new Set(ctx.currentSubtypes ?? []);
      schema = z
        .array(z.string({ error: V.invalidType }), { error: typeError })
        .min(f.minItems ?? 0, { message: f.minItems === 1 ? V.minOne : V.required })
        .superRefine((list, c) => {
          list.forEach((v, i) => {
            if (!values.includes(v)) c.addIssue({ code: "custom", path: [i], message: licensed.has(v) ? V.alreadyLicensed : V.invalidOption });
            else if (list.indexOf(v) !== i) c.addIssue({ code: "custom", path: [i], message: V.duplicate });
          });
        });
      break;
    }
  }
  return f.required ? schema : schema.optional();
}

/** An empty string, an empty list or nothing: what a draft may leave for later. */
function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

/**
 * A draft may be incomplete, but a value that is present must be valid: blanks are dropped, anything
 * else goes through the same rule as on submission (so `office@` is `validation.email` at once).
 */
function draftField(f: TFieldDescriptor, ctx: TFormContext): z.ZodType {
  const rule = strictField({ ...f, required: false }, ctx);
  // The value is kept as typed (no phone normalisation before submission); only the verdict is the rule's.
  return z.preprocess(
    (v) => (isBlank(v) ? undefined : v),
    z.unknown().superRefine((v, c) => {
      const r = rule.safeParse(v);
      if (!r.success) for (const i of r.error.issues) c.addIssue({ code: "custom", path: i.path, message: i.message });
    }),
  );
}

/**
 * The one schema for a list of field descriptors: "submit" (all rules, required fields) or "draft"
 * (the same rules for every present value). The browser runs the draft schema on each change; the
 * server runs it on every save (PATCH /api/v1/applications/{id}, autosave) and the submit schema in
 * the signing readiness check, so the field messages are the same everywhere.
 */
export function schemaForFields(fields: readonly TFieldDescriptor[], mode: "draft" | "submit", ctx: TFormContext = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) shape[f.name] = mode === "draft" ? draftField(f, ctx) : strictField(f, ctx);
  return z.object(shape);
}

/** Field name → message key, from a failed parse of schemaForFields (first issue per field). */
export function fieldIssues(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const key = i.path.join(".");
    if (!(key in out)) out[key] = i.message.includes(".") ? i.message : `validation.${i.code}`;
  }
  return out;
}

// Built once per service object, variant, mode and context: building costs more than parsing
// (issue 14's profile: most of zod's time per submission), and the catalogue is immutable data.
const built = new WeakMap<TService, Map<string, ReturnType<typeof schemaForFields>>>();
function cachedSchema(service: TService, variant: TVariantCode, mode: "draft" | "submit", ctx: TFormContext) {
  const key = `${variant}|${mode}|${(ctx.currentSubtypes ?? []).join(",")}`;
  let perService = built.get(service);
  if (!perService) built.set(service, (perService = new Map()));
  let schema = perService.get(key);
  if (!schema) perService.set(key, (schema = schemaForFields(formDefinition(service, variant, ctx), mode, ctx)));
  return schema;
}

/** Server validation of a submitted application: exactly the fields of formDefinition; unknown keys are stripped. */
export function buildFormSchema(service: TService, variant: TVariantCode, ctx: TFormContext = {}) {
  return cachedSchema(service, variant, "submit", ctx);
}

/** Saved drafts: the same fields, everything optional, but every present value valid. */
export function buildDraftSchema(service: TService, variant: TVariantCode, ctx: TFormContext = {}) {
  return cachedSchema(service, variant, "draft", ctx);
}

/** Upload slots (portal) or the paper package (provider); with a recipient, only the slots that apply to it. */
export function documentSlots(service: TService, variant: TVariantCode, channel: TChannel, recipient?: TRecipient): readonly TDocumentSlot[] {
  const v = variantOrThrow(service, variant);
  if (!service.channels.includes(channel)) throw new DomainError("catalogue.channel_not_offered", { service: service.code, channel });
  const slots = channel === "portal" ? v.documents : v.paperDocuments;
  return recipient ? slots.filter((s) => !s.recipients || s.recipients.includes(recipient)) : slots;
}
