export {
  STAFF_ROLES,
  ROLES,
  VARIANTS,
  APPLICATION_STATUSES,
  STEP_KEYS,
  STEP_ACTIONS,
  STEP_OUTCOMES,
  CHECKS,
  SUSPENSION_REASONS,
  ZStaffRole,
  ZRole,
  ZVariant,
  ZApplicationStatus,
  ZTerm,
  ZTermUnit,
  ZStepKey,
  ZStepAction,
  ZStepOutcome,
  ZCheck,
  ZSuspensionReason,
  ZLocalized,
  type TStaffRole,
  type TRole,
  type TVariant,
  type TApplicationStatus,
  type TTerm,
  type TStepKey,
  type TStepAction,
  type TStepOutcome,
  type TCheck,
  type TSuspensionReason,
  type TLocalized,
} from "./vocabulary";
export {
  ZRegulationVersion,
  ZRegulationFile,
  ZVariantProcedure,
  ZStep,
  ZChoice,
  type TRegulationVersion,
  type TRegulationFile,
  type TVariantProcedure,
  type TStep,
  type TChoice,
} from "./schema";
export { parseRegulationFile, type TParseResult } from "./parse-regulation-file";
export { findScopeConflicts, type TFieldError } from "./validate-versions";
export { loadRegulationFiles, RegulationDataError, type TDataFile } from "./load-regulations";
export { resolveIn, getIn, localIsoDate, isInForce, type ResolveRegulationOptions } from "./resolve-regulation";
export { workflowDefinition, type TWorkflowDefinition } from "./workflow-definition";
export { getRegulations, resolveRegulation, getRegulation } from "./loader";
export { REGULATION_DATA_FILES } from "./data-files";
export { chainOverrun, overrunningVariants, NOMINAL_WORKING_DAY_MINUTES, type TChainOverrun } from "./chain-overrun";
