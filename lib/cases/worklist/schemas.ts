import { z } from "zod";
import { STEP_KEYS, VARIANTS } from "@/lib/law/regulations";

/** Statuses an open worklist row can have (closed applications have no current step). */
export const WORKLIST_STATUSES = ["SUBMITTED", "IN_PROGRESS", "SUSPENDED", "DEEMED_ISSUED"] as const;

/**
 * Sub-queues of a role's worklist, named after the kind of step: the clerk's incoming documents
 * (register) and results to hand over, the head's assignments and signatures, the executor's work.
 */
export const WORKLIST_QUEUES = ["register", "assign", "work", "sign", "hand_over"] as const;
export type TWorklistQueue = (typeof WORKLIST_QUEUES)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A URL parameter: the first value of a repeated key, "" as absent, an invalid value dropped. */
function param<T extends z.ZodType>(schema: T) {
  return z
    .preprocess((v) => {
      const first = Array.isArray(v) ? v[0] : v;
      return typeof first === "string" && first.trim() === "" ? undefined : first;
    }, schema.optional())
    .catch(undefined)
    .optional();
}

const ZIsoDay = z
  .string()
  .regex(ISO_DATE)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  });

/**
 * Worklist filters as they live in the URL (zod-parsed; unknown keys and invalid values are dropped,
 * so a hand-edited URL never breaks the page). Dates are Almaty calendar days, both inclusive.
 */
export const ZWorklistQuery = z.object({
  queue: param(z.enum(WORKLIST_QUEUES)),
  service: param(z.string().trim().max(100)),
  variant: param(z.enum(VARIANTS)),
  step: param(z.enum(STEP_KEYS)),
  status: param(z.enum(WORKLIST_STATUSES)),
  dueFrom: param(ZIsoDay),
  dueTo: param(ZIsoDay),
  /** A 12-digit BIN/IIN (exact) or a part of the applicant's name (case-insensitive). */
  applicant: param(z.string().trim().max(200)),
  /** Registration number, exact (EL-2026-0000001). */
  number: param(z.string().trim().max(50)),
  /** One search box (kept for older links and the benchmark): BIN/IIN or registration number exact, or a part of the name. */
  q: param(z.string().trim().max(200)),
  /** Keyset cursor: "<stepDueAt ISO or empty>|<id>" of the last row of the previous page. */
  after: param(z.string().max(200)),
});
export type TWorklistQuery = z.output<typeof ZWorklistQuery>;

/** Bulk reassignment (head): move the chosen applications of one executor to another. */
export const ZReassignInput = z.object({
  fromUserId: z.string().uuid(),
  toUserId: z.string().uuid(),
  /** Each application with the version the head saw (compare-and-swap). */
  applications: z
    .array(z.object({ id: z.string().uuid(), version: z.coerce.number().int().nonnegative() }).strict())
    .min(1, { message: "officer.errors.nothing_selected" })
    .max(500),
});
export type TReassignInput = z.infer<typeof ZReassignInput>;
