import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { getService } from "@/lib/law/catalogue";
import { runOfficerCommand, type OfficerCommandContext, type TActionOutcome } from "./run-command";
import { scopedApplicationFacts } from "./scoped-application";
import type { TDraftDecisionInput } from "./schemas";

/**
 * The executor drafts the result: a licence for sub-types of the service's catalogue (at least
 * one), or a reasoned refusal citing grounds of the regulation with the reason in words. The
 * engine checks the rest (checks passed, grounds in the regulation's list, the step may draft it).
 */
export async function draftDecision(db: Db, ctx: OfficerCommandContext, input: TDraftDecisionInput): Promise<TActionOutcome> {
  const app = await scopedApplicationFacts(db, ctx.actor, input.applicationId);
  const d = input.decision;
  if (d.kind === "licence") {
    const codes = new Set(getService(app.serviceCode)?.activitySubtypes.map((s) => s.code) ?? []);
    const unknown = d.subtypes.filter((s) => !codes.has(s));
    if (unknown.length) throw new DomainError("officer.errors.unknown_subtype", { unknown, fieldErrors: { "decision.subtypes": "officer.errors.unknown_subtype" } });
    return runOfficerCommand(db, ctx, input, { type: "draft_decision", decision: { kind: "licence", subtypes: [...new Set(d.subtypes)] } });
  }
  return runOfficerCommand(db, ctx, input, { type: "draft_decision", decision: { kind: "refusal", grounds: [...new Set(d.grounds)], reason: d.reason } });
}
