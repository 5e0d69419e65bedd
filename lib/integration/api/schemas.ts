import { z } from "zod";
import { RECIPIENTS, TERM_UNITS, VARIANTS } from "@/lib/law/catalogue";
import { ApplicationStatus, LicenceStatus, PaymentStatus, Role, SubjectKind } from "@/lib/platform/db";
import { LOCALES } from "@/lib/platform/i18n";
import { VERIFICATION_STATUSES } from "@/lib/trust/pki";

/**
 * The REST API's wire formats (/api/v1): the single source for request validation, response
 * encoding and the OpenAPI document (lib/integration/api/openapi.ts). Every schema that appears as a request
 * or response body is registered under a component name in `apiSchemas`.
 *
 * Responses are written with `z.encode(schema, value)`: instants are `Date` on the server side and
 * ISO 8601 strings on the wire (`ZDateTime` is a codec), and keys a schema does not list are
 * dropped, so nothing internal leaks by accident. Documents are generated with `io: "input"`,
 * which is the wire side of every schema here.
 */
export const apiSchemas = z.registry<{ id: string }>();

function named<T extends z.ZodType>(id: string, schema: T): T {
  apiSchemas.add(schema, { id });
  return schema;
}

// ───────────────────────────── primitives ─────────────────────────────

export const ZDateTime = named(
  "DateTime",
  z
    .codec(z.iso.datetime({ offset: true }), z.date(), {
      decode: (s) => new Date(s),
      encode: (d) => d.toISOString(),
    })
    .meta({ description: "An instant, ISO 8601 (UTC). Show it in Almaty time (UTC+5)." }),
);

export const ZI18nText = named(
  "I18nText",
  z.object({ kk: z.string(), ru: z.string(), en: z.string() }).meta({ description: "The same text in Kazakh, Russian and English." }),
);

/** Lower-case codes of the catalogue (services, slots, grounds). */
const ZCode = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/);

// ───────────────────────────── errors ─────────────────────────────

export const ZFieldError = named(
  "FieldError",
  z.object({
    code: z.string().meta({ description: "Message key, e.g. `validation.required`." }),
    message: z.string().meta({ description: "English text of the code." }),
  }),
);

export const ZSignerView = named(
  "Signer",
  z.object({
    name: z.string(),
    iin: z.string().nullable(),
    bin: z.string().nullable(),
    organisation: z.string().nullable(),
    serial: z.string(),
    issuer: z.string(),
    notBefore: ZDateTime,
    notAfter: ZDateTime,
  }),
);

export const ZSignatureVerdict = named(
  "SignatureVerdict",
  z.object({
    status: z.enum(VERIFICATION_STATUSES),
    reason: z.string().optional().meta({ description: "Machine-readable detail, e.g. `bin` for a subject mismatch." }),
    signer: ZSignerView.nullable(),
    judgedAt: ZDateTime.optional(),
    revokedAt: ZDateTime.optional(),
  }),
);

export const ZApiError = named(
  "Error",
  z.object({
    error: z.object({
      code: z.string().meta({ description: "Stable machine-readable code (also the portal's message key), e.g. `payments.not_paid`." }),
      message: z.string().meta({ description: "English text for developers and logs; show your own text to users." }),
      fieldErrors: z.record(z.string(), ZFieldError).optional().meta({ description: "Per-field problems, keyed by the field's dotted path." }),
      missingSlots: z.array(z.string()).optional().meta({ description: "Required document slots still empty (code `applications.documents_missing`)." }),
      signature: ZSignatureVerdict.optional().meta({ description: "Why the signature was refused (codes `pki.status.*`)." }),
      eventId: z.string().optional().meta({ description: "Quote it to support (unexpected errors only)." }),
      retryAfterSeconds: z.number().int().optional(),
    }),
  }),
);
export type TApiError = z.output<typeof ZApiError>;

// ───────────────────────────── catalogue ─────────────────────────────

export const ZServiceCodeParams = z.object({ serviceCode: ZCode.meta({ description: "Service code, e.g. `scrap-metal-licence`." }) });

export const ZTerm = named("Term", z.object({ value: z.number(), unit: z.enum(TERM_UNITS) }));

export const ZFee = named(
  "Fee",
  z
    .object({
      free: z.boolean(),
      currency: z.literal("KZT"),
      mci: z.number().nullable().meta({ description: "Rate in monthly calculation indices (MCI)." }),
      mciValue: z.number().nullable().meta({ description: "Value of one MCI in tenge today." }),
      amountKzt: z.number().int().nullable().meta({ description: "Fee in tenge today; null when free or when this year's MCI is not configured." }),
    })
    .meta({ description: "The fee in force at `asOf`." }),
);

export const ZCodedLabel = named("CodedLabel", z.object({ code: z.string(), label: ZI18nText }));

export const ZDocumentSlot = named(
  "DocumentSlot",
  z.object({
    key: z.string().meta({ description: "The `slotKey` to upload to." }),
    label: ZI18nText,
    required: z.boolean(),
    multiple: z.boolean().meta({ description: "Several files allowed; otherwise a new upload replaces the file." }),
    recipients: z.array(z.enum(RECIPIENTS)).nullable().meta({ description: "Only for these applicant categories; null = everyone." }),
    hint: ZI18nText.nullable(),
  }),
);

export const ZProvider = named(
  "Provider",
  z.object({
    code: z.string().meta({ description: "The `organisationCode` of a new application." }),
    kind: z.enum(["committee", "regional"]),
    region: z.string(),
    name: ZI18nText,
  }),
);

export const ZServiceVariant = named(
  "ServiceVariant",
  z.object({
    code: z.enum(VARIANTS),
    term: ZTerm,
    fee: ZFee,
    documents: z.array(ZDocumentSlot).meta({ description: "Upload slots on the portal (all applicant categories; see `recipients`)." }),
  }),
);

export const ZService = named(
  "Service",
  z.object({
    code: z.string(),
    standardNo: z.number().int().nullable(),
    kind: z.enum(["permit", "licence", "registration", "certificate", "conclusion"]),
    title: ZI18nText,
    shortTitle: ZI18nText,
    providerLevel: z.enum(["committee", "regional"]),
    recipients: z.array(z.enum(RECIPIENTS)),
    onlineAvailable: z.boolean().meta({ description: "Whether applications can be made through the portal and this API." }),
    variants: z.array(ZServiceVariant),
    providers: z.array(ZProvider),
    refusalGrounds: z.array(ZCodedLabel),
  }),
);

export const ZCatalogue = named(
  "Catalogue",
  z.object({
    asOf: ZDateTime,
    services: z.array(ZService),
  }),
);

export const ZFormField = named(
  "FormField",
  z.object({
    name: z.string().meta({ description: "Key in `formData`." }),
    kind: z.enum(["text", "textarea", "select", "multiselect", "date", "email", "phone", "number"]),
    label: ZI18nText,
    required: z.boolean(),
    options: z.array(z.object({ value: z.string(), label: ZI18nText })).optional(),
    maxLength: z.number().int().optional(),
    minItems: z.number().int().optional(),
    defaultValue: z.union([z.string(), z.array(z.string())]).optional(),
  }),
);

export const ZServiceVariantDetail = named("ServiceVariantDetail", ZServiceVariant.extend({ form: z.array(ZFormField) }));

export const ZServiceDetail = named(
  "ServiceDetail",
  ZService.extend({
    asOf: ZDateTime,
    variants: z.array(ZServiceVariantDetail),
    activitySubtypes: z.array(ZCodedLabel),
    reissueGrounds: z.array(ZCodedLabel),
    duplicateReasons: z.array(ZCodedLabel),
    resultDescription: ZI18nText,
    appeals: ZI18nText,
  }),
);

// ───────────────────────────── applications ─────────────────────────────

export const ZApplicationIdParams = z.object({ id: z.uuid().meta({ description: "Application id." }) });

export const ZOrganisationRef = named("OrganisationRef", z.object({ code: z.string(), name: ZI18nText }));

const applicationCore = {
  id: z.uuid(),
  registrationNumber: z.string().nullable().meta({ description: "Assigned at submission." }),
  serviceCode: z.string(),
  variant: z.enum(VARIANTS),
  status: z.enum(ApplicationStatus),
  currentStep: z.string().nullable().meta({ description: "Key of the regulation step in progress." }),
  dueAt: ZDateTime.nullable().meta({ description: "When the result is due by the standard's term (null for drafts)." }),
  createdAt: ZDateTime,
  organisation: ZOrganisationRef,
};

export const ZApplicationSummary = named("ApplicationSummary", z.object(applicationCore));

export const ZApplicationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: "Page size (1–100, default 20)." }),
  cursor: z.string().max(200).optional().meta({ description: "`nextCursor` of the previous page." }),
});

export const ZApplicationPage = named(
  "ApplicationPage",
  z.object({
    items: z.array(ZApplicationSummary),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  }),
);

export const ZTimelineStep = named(
  "TimelineStep",
  z.object({
    seq: z.number().int(),
    stepKey: z.string(),
    role: z.enum(Role),
    startedAt: ZDateTime,
    dueAt: ZDateTime.nullable(),
    completedAt: ZDateTime.nullable(),
    outcome: z.string().nullable(),
  }),
);

export const ZDocument = named(
  "Document",
  z.object({
    id: z.uuid(),
    slotKey: z.string(),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: ZDateTime,
  }),
);

export const ZApplication = named(
  "Application",
  z.object({
    ...applicationCore,
    version: z.number().int().meta({ description: "Pass as `expectedVersion` when saving the draft." }),
    baseLicenceId: z.uuid().nullable(),
    formData: z.record(z.string(), z.unknown()),
    currentStepDueAt: ZDateTime.nullable(),
    submittedAt: ZDateTime.nullable(),
    registeredAt: ZDateTime.nullable(),
    closedAt: ZDateTime.nullable(),
    timeline: z.array(ZTimelineStep),
    documents: z.array(ZDocument),
  }),
);

export const ZCreateApplicationRequest = named(
  "CreateApplicationRequest",
  z.object({
    serviceCode: z.string().min(1).max(100),
    variant: z.enum(VARIANTS),
    organisationCode: z.string().min(1).max(60).meta({ description: "One of the service's `providers`." }),
    baseLicenceId: z.uuid().optional().meta({ description: "Required for reissue, duplicate and annex: one of your licences of this service." }),
  }),
);

export const ZSaveDraftRequest = named(
  "SaveDraftRequest",
  z.object({
    expectedVersion: z.number().int().nonnegative().meta({ description: "The `version` you last read; a newer one gives 409." }),
    formData: z.record(z.string(), z.unknown()).meta({ description: "The whole form (fields of the variant's `form`); unknown keys are dropped." }),
  }),
);

export const ZDraftSaved = named("DraftSaved", z.object({ id: z.uuid(), version: z.number().int(), formData: z.record(z.string(), z.unknown()) }));

export const ZDocumentUploadRequest = named(
  "DocumentUploadRequest",
  z.object({
    slotKey: ZCode.meta({ description: "A `documents[].key` of the variant." }),
    file: z
      .instanceof(Blob)
      .meta({ type: "string", format: "binary", description: "PDF, JPEG or PNG (content is checked), at most 10 MiB." } as Record<string, unknown>),
  }),
);

export const ZPayment = named(
  "Payment",
  z.object({
    paymentCode: z.string(),
    status: z.enum(PaymentStatus),
    channel: z.enum(["GATEWAY", "RECEIPT"]),
    amountKzt: z.number().int(),
    mci: z.number(),
    paidAt: ZDateTime.nullable(),
    createdAt: ZDateTime,
    receiptNumber: z.string().nullable(),
  }),
);

export const ZPaymentOverview = named(
  "PaymentOverview",
  z.object({
    applicationId: z.uuid(),
    applicationStatus: z.string(),
    required: z.boolean(),
    fee: z.object({ amountKzt: z.number().int(), mci: z.number(), mciValue: z.number() }).nullable(),
    paid: z.boolean(),
    current: ZPayment.nullable(),
    history: z.array(ZPayment),
    canPay: z.boolean(),
  }),
);

export const ZStartPaymentRequest = named(
  "StartPaymentRequest",
  z.object({ locale: z.enum(LOCALES).optional().meta({ description: "Language of the payment page (default kk)." }) }),
);

export const ZPaymentStarted = named(
  "PaymentStarted",
  z.object({
    paymentId: z.uuid(),
    paymentCode: z.string(),
    amountKzt: z.number().int(),
    mci: z.number(),
    paymentPageUrl: z.string().meta({ description: "Send the payer here; the portal learns the outcome from the gateway." }),
    reused: z.boolean().meta({ description: "An unfinished payment of the same amount was continued." }),
  }),
);

export const ZReadiness = named(
  "Readiness",
  z.object({
    ready: z.boolean(),
    formErrors: z.record(z.string(), ZFieldError),
    missingSlots: z.array(z.string()),
    paid: z.boolean(),
  }),
);

export const ZSigningRequest = named(
  "SigningRequest",
  z.object({
    applicationId: z.uuid(),
    version: z.number().int(),
    contentBase64: z.string().meta({ description: "The exact bytes to sign (RFC 8785 canonical JSON of the form and the attachments' SHA-256), base64." }),
    contentSha256: z.string(),
    signature: z.object({
      format: z.literal("CMS SignedData, detached, DER, base64"),
      key: z.literal("signing key (RSA) of the applicant's EDS"),
      expectedSigner: z.object({ iin: z.string().optional(), bin: z.string().optional() }),
    }),
    readiness: ZReadiness,
  }),
);

export const ZSubmitRequest = named(
  "SubmitRequest",
  z.object({
    cms: z
      .string()
      .min(100)
      .max(1_400_000)
      .regex(/^[A-Za-z0-9+/=\s]+$/, { message: "pki.unsupported_format" })
      .meta({ description: "Detached CMS SignedData over `contentBase64`'s bytes, DER, base64." }),
  }),
);

export const ZSubmitted = named(
  "Submitted",
  z.object({
    id: z.uuid(),
    status: z.enum(ApplicationStatus),
    registrationNumber: z.string(),
    readyBy: ZDateTime.meta({ description: "When the result is due by the standard's term." }),
  }),
);

export const ZWithdrawRequest = named("WithdrawRequest", z.object({ reason: z.string().trim().max(1000).optional() }));

// ───────────────────────────── licences ─────────────────────────────

export const ZLicenceListQuery = z.object({
  status: z.enum(LicenceStatus).optional(),
  cursor: z.string().max(200).optional().meta({ description: "`nextCursor` of the previous page." }),
});

export const ZLicenceSummary = named(
  "Licence",
  z.object({
    id: z.uuid(),
    number: z.string(),
    status: z.enum(LicenceStatus),
    serviceCode: z.string(),
    holderName: z.string(),
    holderIdentifier: z.string(),
    subtypes: z.array(z.string()),
    validFrom: ZDateTime,
    validTo: ZDateTime.nullable(),
    suspendedUntil: ZDateTime.nullable(),
    issuedAt: ZDateTime,
    versionNo: z.number().int(),
    organisation: ZOrganisationRef,
  }),
);

export const ZLicencePage = named("LicencePage", z.object({ items: z.array(ZLicenceSummary), nextCursor: z.string().nullable() }));

export const ZLicenceNumberParams = z.object({
  number: z.string().max(60).meta({ description: "Licence number (any case, spaces allowed) or annex number." }),
});

const ZCodedI18n = z.object({ code: z.string(), label: ZI18nText });

/** What `GET /api/v1/licences/{number}/verification` answers (route owned by the licences module). */
export const ZPublicLicence = named(
  "PublicLicence",
  z.object({
    number: z.string(),
    status: z.enum(LicenceStatus),
    suspendedUntil: ZDateTime.nullable(),
    statusChangedAt: ZDateTime.nullable(),
    holder: z.object({ name: z.string(), identifier: z.string(), identifierMasked: z.boolean(), kind: z.enum(SubjectKind) }),
    service: z.object({ code: z.string(), title: ZI18nText, shortTitle: ZI18nText }),
    subtypes: z.array(ZCodedI18n),
    provider: z.object({ code: z.string(), name: ZI18nText }),
    validFrom: ZDateTime,
    validTo: ZDateTime.nullable(),
    issuedAt: ZDateTime,
    tacit: z.boolean(),
    versionNo: z.number().int(),
    chain: z.array(z.object({ number: z.string(), versionNo: z.number().int(), status: z.enum(LicenceStatus), issuedAt: ZDateTime })),
    previous: z.object({ number: z.string() }).nullable(),
    supersededBy: z.object({ number: z.string(), issuedAt: ZDateTime }).nullable(),
    annexes: z.array(z.object({ number: z.string(), issuedAt: ZDateTime, subtypes: z.array(ZCodedI18n) })),
    duplicates: z.array(z.object({ issuedAt: ZDateTime, reason: z.string() })),
    signature: z.object({ signerName: z.string(), signingTime: ZDateTime, status: z.string(), verifiedAt: ZDateTime }).nullable(),
  }),
);

export const ZLicenceVerification = named("LicenceVerification", z.object({ checkedAt: ZDateTime, valid: z.boolean(), licence: ZPublicLicence }));

/** The verification route's own error shape (it predates this API's `Error`). */
export const ZVerificationError = named("VerificationError", z.object({ error: z.string(), number: z.string().optional() }));

// ───────────────────────────── signed files ─────────────────────────────

export const ZFileVerificationRequest = named(
  "FileVerificationRequest",
  z.object({
    file: z.instanceof(Blob).meta({
      type: "string",
      format: "binary",
      description: "A licence PDF (its PAdES signatures are checked), a signed package (.p7s with the content inside), or the signed document itself when `signature` is given. At most 1.5 MB.",
    } as Record<string, unknown>),
    signature: z
      .instanceof(Blob)
      .optional()
      .meta({ type: "string", format: "binary", description: "A detached signature (.p7s: DER, Base64 or PEM) of `file`, at most 64 KiB." } as Record<string, unknown>),
  }),
);

export const ZCheckedSignature = named(
  "CheckedSignature",
  z.object({
    status: z.enum(VERIFICATION_STATUSES).meta({ description: "Verdict of the signature, judged as at its signing time." }),
    reason: z.string().nullable().meta({ description: "Machine-readable detail of a refusal." }),
    signer: z.object({ name: z.string(), iin: z.string().nullable(), bin: z.string().nullable(), organisation: z.string().nullable() }).nullable(),
    signingTime: ZDateTime.nullable().meta({ description: "The signing-time the signer stated." }),
    judgedAt: ZDateTime.nullable().meta({ description: "When validity and revocation were judged: the time-stamp's time when the signature carries one, else the register's recorded time for a registered signature, else the stated one." }),
    chain: z.array(z.string()).meta({ description: "Signer, issuing CA and root, by name." }),
    revocation: z.enum(["not_revoked", "revoked", "revoked_later", "not_checked"]).meta({ description: "`revoked_later`: revoked after signing; the signature stays valid." }),
    revokedAt: ZDateTime.nullable(),
    timestamp: z
      .object({ time: ZDateTime.meta({ description: "genTime of the verified RFC 3161 signature time-stamp." }), authority: z.string().meta({ description: "The time-stamping authority (certificate name)." }) })
      .nullable()
      .meta({ description: "Signature time-stamp (PAdES B-T), null when the signature has none." }),
    coversWholeFile: z.boolean().meta({ description: "Nothing was added to the file after this signature." }),
    registered: z.boolean().meta({ description: "The register holds this very signature." }),
  }),
);

export const ZFileVerification = named(
  "FileVerification",
  z.object({
    checkedAt: ZDateTime,
    format: z.enum(["pdf", "package", "detached"]),
    valid: z.boolean().meta({ description: "Signed, every signature valid, and nothing added after the last one." }),
    signatures: z.array(ZCheckedSignature),
    register: z.object({
      matches: z.boolean().meta({ description: "The file is byte for byte a document of the register." }),
      kind: z.enum(["licence", "duplicate", "annex", "request", "decision"]).nullable(),
      revision: z.number().int().nullable().meta({ description: "Licence PDF revision (2: a signature attached later to a deemed-issued licence)." }),
      latestRevision: z.boolean().nullable(),
      licence: ZPublicLicence.nullable().meta({ description: "The licence the file belongs to, as the public register shows it (`tacit`: deemed issued)." }),
      registrationNumber: z.string().nullable(),
    }),
  }),
);

// ───────────────────────────── meta ─────────────────────────────

export const ZOpenApiDocument = named("OpenApiDocument", z.record(z.string(), z.unknown()).meta({ description: "This document (OpenAPI 3.1)." }));
