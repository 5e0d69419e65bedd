import { z } from "zod";
import complaintsJson from "./data/complaints.json";
import { deepFreeze, parseDataFile } from "@/lib/platform/core";
import { ZDuration, ZI18n, ZSourceRef } from "./schema";

export const COMPLAINTS_FILE = "lib/law/catalogue/data/complaints.json";
export const COMPLAINT_HANDLERS = ["provider_head", "authorised_body", "psc_head"] as const;
export type TComplaintHandler = (typeof COMPLAINT_HANDLERS)[number];
export const COMPLAINT_ANSWER_CHANNELS = ["portal", "email", "post"] as const;
export type TComplaintAnswerChannel = (typeof COMPLAINT_ANSWER_CHANNELS)[number];
const KINDS = ["RESULT_DISAGREEMENT", "IMPROPER_SERVICE", "COURTESY"] as const;

const ZProse = z.string().min(1).refine((t) => !/\[\d{3} L\d/.test(t), { message: "seed citations belong in sourceLines" });

export const ZComplaintTerm = z.strictObject({
  value: z.number().int().positive(),
  unit: ZDuration.shape.unit,
  /** Once, by the head, with notice to the applicant. */
  extension: z.strictObject({ value: z.number().int().positive(), unit: ZDuration.shape.unit, noticeRequired: z.boolean() }).nullable(),
  legalReference: ZI18n,
  sourceLines: z.array(ZSourceRef).min(1),
});
export type TComplaintTerm = z.infer<typeof ZComplaintTerm>;

export const ZComplaintRule = z.strictObject({
  service: z.string().min(1),
  standardNo: z.number().int().nullable(),
  handlers: z.strictObject({ RESULT_DISAGREEMENT: z.enum(COMPLAINT_HANDLERS), IMPROPER_SERVICE: z.enum(COMPLAINT_HANDLERS), COURTESY: z.enum(COMPLAINT_HANDLERS) }),
  /** Who handles a complaint accepted at a Public Service Centre (null: the standard has no PSC channel). */
  pscHandler: z.enum(COMPLAINT_HANDLERS).nullable(),
  /** Overrides the file's term for this standard. */
  term: ZComplaintTerm.optional(),
  sourceLines: z.array(ZSourceRef),
});
export type TComplaintRule = z.infer<typeof ZComplaintRule>;

export const ZComplaintRules = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.number().int().positive(),
    term: ZComplaintTerm,
    answerChannels: z.strictObject({ channels: z.array(z.enum(COMPLAINT_ANSWER_CHANNELS)).min(1), default: z.enum(COMPLAINT_ANSWER_CHANNELS), sourceLines: z.array(ZSourceRef).min(1) }),
    rules: z.array(ZComplaintRule),
    choices: z.array(z.strictObject({ topic: z.string().min(1), choice: ZProse, alternatives: z.array(z.string()), sourceLines: z.array(ZSourceRef) })),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.rules.forEach((r, i) => {
      if (seen.has(r.service)) ctx.addIssue({ code: "custom", path: ["rules", i, "service"], message: `duplicate "${r.service}"` });
      seen.add(r.service);
      if (r.sourceLines.length === 0 && !f.choices.some((c) => c.topic.toLowerCase().includes(r.service.split("-")[0]!))) {
        ctx.addIssue({ code: "custom", path: ["rules", i, "sourceLines"], message: "a rule without source lines needs a choice" });
      }
    });
    if (!f.answerChannels.channels.includes(f.answerChannels.default)) ctx.addIssue({ code: "custom", path: ["answerChannels", "default"], message: "default must be one of channels" });
  });
export type TComplaintRules = z.infer<typeof ZComplaintRules>;

export function parseComplaintRules(data: unknown, file: string = COMPLAINTS_FILE): TComplaintRules {
  return parseDataFile(ZComplaintRules, data, file, "rules");
}

const RULES = deepFreeze(parseComplaintRules(complaintsJson as unknown));
const BY_SERVICE = new Map(RULES.rules.map((r) => [r.service, r]));

export function getComplaintRules(): TComplaintRules {
  return RULES;
}

export type TResolvedComplaintRoute = { handler: TComplaintHandler; term: TComplaintTerm; sourceLines: readonly string[] };

/**
 * Who handles a complaint and in what term: by the service's standard and the complaint's kind;
 * a complaint accepted at a PSC goes to the PSC head where the standard says so. Without a service
 * (a complaint about an organisation) or for a service without a rule: the provider's head.
 */
export function complaintRoute(input: { serviceCode: string | null; kind: (typeof KINDS)[number]; atPsc?: boolean }): TResolvedComplaintRoute {
  const rule = input.serviceCode ? BY_SERVICE.get(input.serviceCode) : undefined;
  const term = rule?.term ?? RULES.term;
  if (!rule) return { handler: "provider_head", term, sourceLines: term.sourceLines };
  const handler = input.atPsc && rule.pscHandler ? rule.pscHandler : rule.handlers[input.kind];
  return { handler, term, sourceLines: rule.sourceLines };
}
