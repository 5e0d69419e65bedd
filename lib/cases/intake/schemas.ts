import { z } from "zod";
import { VARIANTS } from "@/lib/law/catalogue";

export const APPLICANT_KINDS = ["LEGAL_ENTITY", "INDIVIDUAL_ENTREPRENEUR", "INDIVIDUAL"] as const;
export type TApplicantKind = (typeof APPLICANT_KINDS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "validation.too_big" })
    .optional()
    .transform((v) => (v ? v : undefined));

const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false", "off"])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/**
 * The counter's first step as the browser sends it (flat fields). Identifiers and the power of
 * attorney are checked by `startWalkIn` itself, so that its errors name the field.
 */
export const ZStartWalkInForm = z.object({
  applicantKind: z.enum(APPLICANT_KINDS, { message: "validation.required" }),
  /** BIN of a legal entity, IIN of an individual or an entrepreneur. */
  identifier: z.string().trim().max(20),
  applicantName: optionalText(300),
  applicantAddress: optionalText(500),
  serviceCode: z.string().trim().min(1, { message: "validation.required" }).max(100),
  variant: z.enum(VARIANTS, { message: "validation.required" }),
  baseLicenceNumber: optionalText(50),
  represented: checkbox,
  repIin: optionalText(20),
  repFullName: optionalText(300),
  repPoaNumber: optionalText(50),
  repPoaDate: optionalText(10),
  repValidUntil: optionalText(10),
  repNotarised: checkbox,
  /** The office clerk registers a letter: received by post on `receivedOn` [004 L2616-2619, L7855-7858]. */
  receivedByPost: checkbox,
  receivedOn: optionalText(10),
  /** The result and complaint answers go by post [004 L395-396]. */
  replyByPost: checkbox,
});
export type TStartWalkInForm = z.infer<typeof ZStartWalkInForm>;

/** Step (b)+(c): the application form and the paper checklist, sent together as JSON. */
export const ZRecordPaperPackageForm = z.object({
  applicationId: z.uuid(),
  present: z.array(z.string().min(1).max(100)).max(50),
  formData: z.record(z.string(), z.unknown()),
});
export type TRecordPaperPackageForm = z.infer<typeof ZRecordPaperPackageForm>;

/**
 * Step (d): the bank receipt. `paidOn` is the calendar day printed on the receipt, read in Almaty
 * time (the fee of that day applies).
 */
export const ZWalkInReceiptForm = z.object({
  applicationId: z.uuid(),
  receiptNumber: z.string().trim().min(1, { message: "validation.required" }).max(64, { message: "validation.too_big" }),
  amountKzt: z.coerce
    .number({ message: "validation.invalid_type" })
    .int({ message: "validation.invalid_type" })
    .positive({ message: "validation.invalid_type" }),
  paidOn: z.iso.date({ message: "validation.invalid_format" }),
});
export type TWalkInReceiptForm = z.infer<typeof ZWalkInReceiptForm>;

export const ZWalkInIdInput = z.object({ applicationId: z.uuid() });

/** A PSC operator's EDS signature over the scan list (base64 DER CMS) [004 L645-648]. */
export const ZSignScansInput = z.object({ applicationId: z.uuid(), cms: z.string().min(1).max(200_000) });
