import { z } from "zod";
import { ZI18nText, ZSourceRef, type TI18nText } from "@/lib/law/organisations";

export const SERVICE_KINDS = ["permit", "licence", "registration", "certificate", "conclusion"] as const;
export const RECIPIENTS = ["legal_entity", "individual_entrepreneur", "individual"] as const;
export const VARIANTS = ["issue", "annex", "reissue", "duplicate", "registration", "reregistration"] as const;
export const TERM_UNITS = ["minutes", "hours", "workingDays", "calendarDays"] as const;
export const CHANNELS = ["portal", "provider"] as const;
export const PROVIDER_LEVELS = ["committee", "regional"] as const;

export type TServiceKind = (typeof SERVICE_KINDS)[number];
export type TRecipient = (typeof RECIPIENTS)[number];

/** The recipient category of a subject kind as the database names it (LEGAL_ENTITY → legal_entity …). */
export function recipientOfSubjectKind(kind: string): TRecipient {
  const recipient = RECIPIENTS.find((r) => r === kind.toLowerCase());
  if (!recipient) throw new Error(`unknown subject kind ${kind}`);
  return recipient;
}
export type TVariantCode = (typeof VARIANTS)[number];
export type TTermUnit = (typeof TERM_UNITS)[number];
export type TChannel = (typeof CHANNELS)[number];
export type TProviderLevel = (typeof PROVIDER_LEVELS)[number];

// Kazakh/Russian/English text and seed citations ("NNN Lx-y") are written the same in every data file.
export const ZI18n = ZI18nText;
export type TI18n = TI18nText;
export { ZSourceRef };
const ZSources = z.array(ZSourceRef);
/** Developer prose (English): citations go to sourceLines, never into the text. */
const ZProse = z.string().min(1).refine((t) => !/\[\d{3} L\d/.test(t), { message: "seed citations belong in sourceLines" });
export const ZNote = z.strictObject({ text: ZProse, sourceLines: ZSources });
export type TNote = z.infer<typeof ZNote>;
const ZCode = z.string().regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, { message: "expected a lower-case code" });

export const ZDuration = z.strictObject({ value: z.number().positive(), unit: z.enum(TERM_UNITS) });
export type TDuration = z.infer<typeof ZDuration>;

/** An upload slot (portal) or a paper item the clerk marks as present (provider). */
export const ZDocumentSlot = z.strictObject({
  key: ZCode,
  label: ZI18n,
  required: z.boolean(),
  multiple: z.boolean(),
  sourceLines: ZSources.min(1),
  /** Only for these recipient categories; absent = everyone. */
  recipients: z.array(z.enum(RECIPIENTS)).min(1).optional(),
  hint: ZI18n.optional(),
});
export type TDocumentSlot = z.infer<typeof ZDocumentSlot>;

function uniqueBy<T>(items: readonly T[], key: (t: T) => string, ctx: z.RefinementCtx, path: (string | number)[]) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: "custom", path: [...path, i], message: `duplicate "${k}"` });
    seen.add(k);
  });
}

export const ZVariant = z
  .strictObject({
    code: z.enum(VARIANTS),
    term: ZDuration,
    termSourceLines: ZSources.min(1),
    /** Why the term was chosen where the standard is silent. */
    termNote: ZProse.optional(),
    /** Portal upload slots (EDS request, state-IS data and payment are not slots). */
    documents: z.array(ZDocumentSlot),
    /** Paper package at the provider's office. */
    paperDocuments: z.array(ZDocumentSlot),
  })
  .superRefine((v, ctx) => {
    uniqueBy(v.documents, (d) => d.key, ctx, ["documents"]);
    uniqueBy(v.paperDocuments, (d) => d.key, ctx, ["paperDocuments"]);
  });
export type TVariant = z.infer<typeof ZVariant>;

export const ZCodedLabel = z.strictObject({ code: ZCode, label: ZI18n, sourceLines: ZSources });
export type TCodedLabel = z.infer<typeof ZCodedLabel>;

export const ZQualificationRequirement = z.strictObject({
  code: ZCode,
  label: ZI18n,
  sourceLines: ZSources.min(1),
  /** Applies only to these activity sub-types; absent = all. */
  subtypes: z.array(ZCode).min(1).optional(),
  /** Applies only in this situation (e.g. a receiving point outside the base). */
  condition: ZI18n.optional(),
});
export type TQualificationRequirement = z.infer<typeof ZQualificationRequirement>;

export const ZFee = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("free"), sourceLines: ZSources.min(1) }),
  z.strictObject({
    kind: z.literal("licence_fee"),
    /** Rates in MCI per variant. The seeds give no amounts: configurable defaults, not law. */
    mci: z.partialRecord(z.enum(VARIANTS), z.number().nonnegative()),
    isDefault: z.boolean(),
    sourceLines: ZSources.min(1),
  }),
]);
export type TFee = z.infer<typeof ZFee>;

/** What a PSC does with a package and its result [004 L607-609, L645-648, L758-760]. */
export const ZPscRules = z.strictObject({
  /** The day of acceptance at the PSC is not counted in the term. */
  acceptanceDayExcluded: z.boolean(),
  acceptanceDaySourceLines: ZSources.min(1),
  /** The provider delivers the result to the PSC this long before the term ends. */
  resultDeliveredBeforeTermEnd: ZDuration,
  resultDeliverySourceLines: ZSources.min(1),
  /** An uncollected result is kept this many months, then returned to the provider. */
  keepingPeriodMonths: z.number().int().positive(),
  keepingSourceLines: ZSources.min(1),
  /** The operator scans the paper package and certifies the scans with their EDS. */
  scansSignedByOperator: z.boolean(),
  scanSourceLines: ZSources.min(1),
});
export type TPscRules = z.infer<typeof ZPscRules>;

export const ZServiceTimes = z.strictObject({
  queueWaitMax: ZDuration.nullable(),
  serviceTimeMax: ZDuration.nullable(),
  pickupQueueMax: ZDuration.nullable(),
  sourceLines: ZSources,
});

export const ZService = z
  .strictObject({
    code: ZCode,
    standardNo: z.number().int().min(1).max(13).nullable(),
    standardRef: z.string().min(1).optional(),
    kind: z.enum(SERVICE_KINDS),
    title: ZI18n,
    shortTitle: ZI18n,
    providerLevel: z.enum(PROVIDER_LEVELS),
    recipients: z.array(z.enum(RECIPIENTS)).min(1),
    recipientsSourceLines: ZSources,
    channels: z.array(z.enum(CHANNELS)).min(1),
    automation: z.enum(["partial", "none"]),
    variants: z.array(ZVariant).min(1),
    activitySubtypes: z.array(ZCodedLabel).min(1),
    reissueGrounds: z.array(ZCodedLabel),
    duplicateReasons: z.array(ZCodedLabel),
    refusalGrounds: z.array(ZCodedLabel.extend({ sourceLines: ZSources.min(1) })).min(1),
    qualificationRequirements: z.array(ZQualificationRequirement),
    fee: ZFee,
    serviceTimes: ZServiceTimes,
    completenessCheckTerm: ZDuration.nullable(),
    completenessCheckSourceLines: ZSources,
    refusalDeliveryTerm: ZDuration.nullable(),
    refusalDeliverySourceLines: ZSources,
    tacitApproval: z.strictObject({ handOverWithin: ZDuration, sourceLines: ZSources.min(1) }).nullable(),
    reissueApplicationWindow: ZDuration.nullable(),
    reissueApplicationWindowSourceLines: ZSources,
    /** The day documents are accepted is not counted in the term (chemical products). */
    acceptanceDayExcluded: z.boolean(),
    /** The Public Service Centre channel's rules (standard 2 only); null: no PSC channel. */
    psc: ZPscRules.nullable().default(null),
    /** Documents may be sent by post to the provider's office (the date of receipt starts the term); null: not allowed. */
    postalSubmission: z.strictObject({ sourceLines: ZSources.min(1) }).nullable().default(null),
    resultDescription: ZI18n,
    appeals: ZI18n,
    legalBasis: ZProse,
    sourceLines: ZSources.min(1),
    notes: z.array(ZNote),
  })
  .superRefine((s, ctx) => {
    uniqueBy(s.variants, (v) => v.code, ctx, ["variants"]);
    uniqueBy(s.activitySubtypes, (v) => v.code, ctx, ["activitySubtypes"]);
    uniqueBy(s.refusalGrounds, (v) => v.code, ctx, ["refusalGrounds"]);
    uniqueBy(s.reissueGrounds, (v) => v.code, ctx, ["reissueGrounds"]);
    uniqueBy(s.qualificationRequirements, (v) => v.code, ctx, ["qualificationRequirements"]);
    const subtypeCodes = new Set(s.activitySubtypes.map((a) => a.code));
    s.qualificationRequirements.forEach((q, i) =>
      q.subtypes?.forEach((code, j) => {
        if (!subtypeCodes.has(code)) {
          ctx.addIssue({ code: "custom", path: ["qualificationRequirements", i, "subtypes", j], message: `unknown sub-type "${code}"` });
        }
      }),
    );
    s.variants.forEach((v, i) => {
      if (!s.channels.includes("portal") && v.documents.length > 0) {
        ctx.addIssue({ code: "custom", path: ["variants", i, "documents"], message: "portal slots on a service without the portal channel" });
      }
      if (s.channels.includes("provider") && v.paperDocuments.length === 0) {
        ctx.addIssue({ code: "custom", path: ["variants", i, "paperDocuments"], message: "provider channel needs a paper package" });
      }
      if (s.fee.kind === "licence_fee" && s.fee.mci[v.code] === undefined) {
        ctx.addIssue({ code: "custom", path: ["fee", "mci", v.code], message: `no rate for offered variant "${v.code}"` });
      }
    });
    const offers = (c: TVariantCode) => s.variants.some((v) => v.code === c);
    if (s.fee.kind === "licence_fee") {
      for (const code of Object.keys(s.fee.mci) as TVariantCode[]) {
        if (!offers(code)) ctx.addIssue({ code: "custom", path: ["fee", "mci", code], message: `rate for a variant the service does not offer` });
      }
    }
    if (offers("reissue") && s.reissueGrounds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["reissueGrounds"], message: "reissue is offered but no grounds are listed" });
    }
    if (offers("duplicate") && s.duplicateReasons.length === 0) {
      ctx.addIssue({ code: "custom", path: ["duplicateReasons"], message: "duplicate is offered but no reasons are listed" });
    }
  });
export type TService = z.infer<typeof ZService>;

export const ZCatalogue = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.literal(1),
    services: z.array(ZService).min(1),
  })
  .superRefine((c, ctx) => {
    uniqueBy(c.services, (s) => s.code, ctx, ["services"]);
    uniqueBy(
      c.services.filter((s) => s.standardNo !== null),
      (s) => String(s.standardNo),
      ctx,
      ["standardNo"],
    );
  });
export type TCatalogue = z.infer<typeof ZCatalogue>;

/** Monthly calculation index: each row applies from its date until the next row. */
export const ZMciTable = z
  .strictObject({
    $comment: z.string().optional(),
    currency: z.literal("KZT"),
    values: z
      .array(z.strictObject({ from: z.iso.date(), value: z.number().int().positive() }))
      .min(1),
  })
  .superRefine((t, ctx) => {
    t.values.forEach((row, i) => {
      const prev = t.values[i - 1];
      if (prev && prev.from >= row.from) {
        ctx.addIssue({ code: "custom", path: ["values", i, "from"], message: "rows must be in ascending date order" });
      }
    });
  });
export type TMciTable = z.infer<typeof ZMciTable>;
