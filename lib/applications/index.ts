export { listMyApplications, type MyApplicationRow } from "./list-my-applications";
export { getApplication } from "./get-application";
export { executeCommand, executeCommands, executeCommandInTx, type ExecuteCommandOptions, type ExecuteCommandResult } from "./execute-command";
export { toWorkflowState } from "./workflow-state";
export { definitionForVersion, resolveRegulationVersion } from "./regulation-for";
export { nextRegistrationNumber } from "./registration-number";
