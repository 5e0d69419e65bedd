import { z } from "zod";

export const COMPLAINT_KINDS = ["RESULT_DISAGREEMENT", "IMPROPER_SERVICE", "COURTESY"] as const;
export type TComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_STATUSES = ["REGISTERED", "IN_REVIEW", "ANSWERED", "REJECTED"] as const;
export type TComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const OPEN_COMPLAINT_STATUSES = ["REGISTERED", "IN_REVIEW"] as const;

const text = (max: number) => z.string().trim().min(1, "validation.required").max(max, "validation.too_big");
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid().optional());
const optionalText = (max: number) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, "validation.too_big").optional());

/**
 * What the standard asks a complaint to contain [004 L363-400]: the competent body or official it
 * is addressed to, the applicant's full name and postal address, the date (the portal's
 * registration instant), the name or position of the official whose actions are appealed, the
 * reasons and the demands. The portal sign-in stands for the signature.
 */
export const ZFileComplaintInput = z.object({
  kind: z.enum(COMPLAINT_KINDS),
  /** The application complained about (its organisation is the one addressed). */
  applicationId: optionalId,
  /** Without an application: the organisation complained about. */
  organisationId: optionalId,
  /** One of the officers who handled the applicant's applications, if the applicant picks one. */
  officerId: optionalId,
  addressee: text(300),
  fullName: text(300),
  postalAddress: text(500),
  /** Name or position of the official whose actions are appealed (free text). */
  official: optionalText(300),
  body: text(8000),
  demands: text(4000),
  /** How the answer is delivered [004 L395-396]: in the personal cabinet, by e-mail, or in writing by post. */
  answerChannel: z.enum(["portal", "email", "post"]).optional(),
});
export type TFileComplaintInput = z.infer<typeof ZFileComplaintInput>;

export const ZComplaintIdInput = z.object({ complaintId: z.uuid() });

export const ZAnswerComplaintInput = z.object({
  complaintId: z.uuid(),
  outcome: z.enum(["ANSWERED", "REJECTED"]),
  answer: text(8000),
});
export type TAnswerComplaintInput = z.infer<typeof ZAnswerComplaintInput>;

export const ZRateComplaintInput = z.object({
  complaintId: z.uuid(),
  /** 1 not satisfied, 2 partially, 3 satisfied (indicator 4.1). */
  satisfied: z.coerce.number({ error: "complaints.rating_required" }).int("complaints.rating_required").min(1, "complaints.rating_required").max(3, "complaints.rating_required"),
});
export type TRateComplaintInput = z.infer<typeof ZRateComplaintInput>;

export const ZComplaintQueueQuery = z.object({
  status: z.enum([...COMPLAINT_STATUSES, "open", "all"]).default("open"),
  /** Keyset cursor "<dueAt ISO>|<id>". */
  after: z.string().max(200).optional(),
  take: z.coerce.number().int().min(1).max(5000).optional(),
});
export type TComplaintQueueQuery = z.input<typeof ZComplaintQueueQuery>;
