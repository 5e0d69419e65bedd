import { DomainError } from "@/lib/platform/core";
import type { TRegulationVersion, TStep } from "./schema";
import type { TTerm, TVariant } from "./vocabulary";

/** Everything the workflow engine needs about one variant of one regulation version. */
export type TWorkflowDefinition = {
  regulationId: string;
  regulationVersion: number;
  serviceCode: string;
  variant: TVariant;
  steps: readonly TStep[];
  overallTerm: TTerm;
  completenessTerm: TTerm | null;
  completenessRefusalGround: string | null;
  refusalGrounds: readonly string[];
  paymentRequired: boolean;
  tacitApproval: { handOverTerm: TTerm } | null;
  /** Term for handing over a signed refusal (from the signing), when the standard sets one. */
  refusalDelivery?: { term: TTerm } | null;
  /** No step deadline later than the overall due instant (regulations whose norms overrun the legal term). */
  capStepTermsToOverallTerm?: boolean;
  /** Portal requests skip the office's register step: the system registers them on submission. */
  portalAutoRegistration?: boolean;
  suspension: { allowed: boolean; reasons: readonly string[] };
  extension: { maxTerm: TTerm } | null;
};

export function workflowDefinition(reg: TRegulationVersion, variant: TVariant): TWorkflowDefinition {
  const proc = reg.variants[variant];
  if (!proc) throw new DomainError("workflow.regulation_not_found", { id: reg.id, version: reg.version, variant });
  return {
    regulationId: reg.id,
    regulationVersion: reg.version,
    serviceCode: reg.scope.serviceCode,
    variant,
    steps: proc.steps,
    overallTerm: proc.overallTerm,
    completenessTerm: proc.completenessTerm,
    completenessRefusalGround: proc.completenessRefusalGround,
    refusalGrounds: reg.refusalGrounds,
    paymentRequired: reg.payment.required,
    tacitApproval: reg.tacitApproval ? { handOverTerm: reg.tacitApproval.handOverTerm } : null,
    refusalDelivery: reg.refusalDelivery ? { term: reg.refusalDelivery.term } : null,
    capStepTermsToOverallTerm: proc.capStepTermsToOverallTerm,
    portalAutoRegistration: reg.portalAutoRegistration !== null,
    suspension: proc.suspension,
    extension: proc.extension,
  };
}
