import type { RequestMeta } from "@/lib/platform/audit";
import type { UserActor } from "@/lib/platform/auth";
import type { Db, Tx } from "@/lib/platform/db";
import { executeCommand, executeCommandInTx, type ExecuteCommandOptions } from "@/lib/cases/applications";
import type { TWorkflowCommandInput } from "@/lib/law/workflow";
import type { TExpectedState } from "./schemas";

export type OfficerCommandContext = { actor: UserActor; now: Date; meta?: RequestMeta };

/** The state after an action, for the page to compare with what it shows. */
export type TActionOutcome = { version: number; status: string; stepKey: string | null };

/**
 * Every officer action ends here: the engine's command with the state the page was rendered
 * with as `expected`, through `executeCommand` (scoped load, guards, compare-and-swap, audit).
 */
export async function runOfficerCommand(
  db: Db,
  ctx: OfficerCommandContext,
  target: { applicationId: string; expected: TExpectedState },
  command: TWorkflowCommandInput,
  hooks: Pick<ExecuteCommandOptions, "onIssueLicence" | "within"> = {},
): Promise<TActionOutcome> {
  const { application } = await executeCommand(db, commandOptions(ctx, target, command, hooks));
  return { version: application.version, status: application.status, stepKey: application.stepKey };
}

/** The same inside a transaction the caller holds (the step's other writes commit with it). */
export async function runOfficerCommandInTx(
  tx: Tx,
  ctx: OfficerCommandContext,
  target: { applicationId: string; expected: TExpectedState },
  command: TWorkflowCommandInput,
): Promise<TActionOutcome> {
  const { application } = await executeCommandInTx(tx, commandOptions(ctx, target, command, {}));
  return { version: application.version, status: application.status, stepKey: application.stepKey };
}

function commandOptions(
  ctx: OfficerCommandContext,
  target: { applicationId: string; expected: TExpectedState },
  command: TWorkflowCommandInput,
  hooks: Pick<ExecuteCommandOptions, "onIssueLicence" | "within">,
): ExecuteCommandOptions {
  return { actor: ctx.actor, applicationId: target.applicationId, command: { ...command, expected: target.expected } as TWorkflowCommandInput, now: ctx.now, meta: ctx.meta, ...hooks };
}
