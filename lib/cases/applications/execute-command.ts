import { addWorkingTime, type Calendar } from "@/lib/law/calendar";
import { DomainError } from "@/lib/platform/core";
import type { Application, Db, Tx } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { transition, type TEffect, type TransitionResult, type TWorkflowCommandInput } from "@/lib/law/workflow";
import type { TWorkflowDefinition } from "@/lib/law/regulations";
import { applyEffects } from "./apply-effects";
import { issueLicenceForEffect } from "./issue-licence-effect";
import { definitionForVersion, resolveRegulationVersion } from "./regulation-for";
import { toColumns, toWorkflowState } from "./workflow-state";
import { nextRegistrationNumber } from "./registration-number";

export type ExecuteCommandOptions = {
  actor: Actor;
  applicationId: string;
  command: TWorkflowCommandInput;
  now: Date;
  meta?: RequestMeta;
  /** Extra work in the same transaction once the transition is known (e.g. storing a signature). */
  within?: (tx: Tx, ctx: { app: Application; result: TransitionResult }) => Promise<void>;
  onIssueLicence?: (
    tx: Tx,
    ctx: {
      app: Application;
      effect: Extract<TEffect, { type: "issue_licence" }>;
      actor: Actor;
      now: Date;
    },
  ) => Promise<void>;
};

export type ExecuteCommandResult = {
  application: Application;
  result: TransitionResult;
  /** What the next command of the same batch starts from (no reload: issue 14 "one load per batch"). */
  context: CommandContext;
};

/**
 * What a command needs besides the command itself, loaded once per batch: the application (read
 * through the actor's scope), the workflow definition of its regulation version (by id; the one in
 * force for a draft) and the organisation's calendar.
 */
export type CommandContext = {
  app: Application;
  definition: TWorkflowDefinition;
  regulationVersionId: string;
  calendar: Calendar;
};

/** Loads the context of a command batch (the application through `actor`'s scope). */
export async function loadCommandContext(tx: Tx, o: { actor: Actor; applicationId: string; now: Date }): Promise<CommandContext> {
  const app = await tx.application.findFirst({
    where: { AND: [{ id: o.applicationId }, applicationScope(o.actor)] },
  });
  if (!app) throw new DomainError("errors.not_found");
  return contextFor(tx, app, o.now);
}

/** The context of an application the caller has already loaded and checked (e.g. locked for submission). */
export async function contextFor(tx: Tx, app: Application, now: Date): Promise<CommandContext> {
  let regulationVersionId = app.regulationVersionId;
  let definition: TWorkflowDefinition;
  const calendarP = loadOrganisationCalendar(tx, app.organisationId, { serviceCode: app.serviceCode });
  if (regulationVersionId) {
    definition = await definitionForVersion(tx, regulationVersionId, app.variant);
  } else {
    // Not registered yet: the version in force now; it is fixed on the application at submission.
    const organisation = await tx.organisation.findUniqueOrThrow({
      where: { id: app.organisationId },
      select: { code: true, region: true },
    });
    const resolved = await resolveRegulationVersion(tx, {
      serviceCode: app.serviceCode,
      variant: app.variant,
      organisation,
      at: now,
    });
    definition = resolved.definition;
    regulationVersionId = resolved.regulationVersionId;
  }
  return { app, definition, regulationVersionId, calendar: await calendarP };
}

/**
 * Runs one workflow command: load the application through the actor's scope, let the pure engine
 * decide, then write the new state with a compare-and-swap on the version, the step rows,
 * notifications, jobs and the audit entry — all in one transaction (style.md "Do" 7).
 */
export async function executeCommand(db: Db, o: ExecuteCommandOptions): Promise<ExecuteCommandResult> {
  return db.$transaction((tx) => executeCommandInTx(tx, o));
}

/** Several commands (each with its own actor) applied one after another, all or nothing. */
export async function executeCommands(db: Db, list: readonly ExecuteCommandOptions[]): Promise<ExecuteCommandResult> {
  if (!list.length) throw new Error("executeCommands needs at least one command");
  return db.$transaction(async (tx) => {
    // Each command loads through its own actor's scope (actors may differ within a batch).
    let last: ExecuteCommandResult | undefined;
    for (const o of list) last = await executeCommandInTx(tx, o);
    return last!;
  });
}

/**
 * The body of `executeCommand` for callers that already hold a transaction. `loaded`: the context
 * returned by the previous command of the batch (or `contextFor`), instead of loading it again —
 * only for callers that checked the actor's access to the application themselves.
 */
export async function executeCommandInTx(tx: Tx, o: ExecuteCommandOptions, loaded?: CommandContext): Promise<ExecuteCommandResult> {
  const ctx = loaded ?? (await loadCommandContext(tx, o));
  const { app, definition, regulationVersionId, calendar } = ctx;
  // The e-document gets its registration number when it is submitted (process 9); the office's
  // "register" step records the same number in its journal.
  const registrationNumber =
    app.registrationNumber ?? (o.command.type === "submit" || o.command.type === "register" ? await nextRegistrationNumber(tx, o.now) : null);
  const command = (o.command.type === "register" ? { ...o.command, registrationNumber: registrationNumber ?? undefined } : o.command) as TWorkflowCommandInput;
  const result = transition(definition, toWorkflowState(app), command, o.actor, o.now, {
    computeDue: (term, startedAt) => addWorkingTime(calendar, startedAt, term),
  });

  const fixVersion = result.next.status !== "DRAFT" && !app.regulationVersionId;
  // Compare-and-swap on the version and the new row back in one statement (UPDATE … RETURNING).
  const [updated] = await tx.application.updateManyAndReturn({
    where: { id: app.id, version: app.version },
    data: {
      ...toColumns(result.next),
      registrationNumber,
      ...(fixVersion ? { regulationVersionId } : {}),
    },
  });
  if (!updated) throw new DomainError("workflow.stale_state");

  await applyEffects(tx, result.effects, {
    app: updated,
    calendar,
    now: o.now,
    onIssueLicence: (effect) => (o.onIssueLicence ?? issueLicenceForEffect)(tx, { app: updated, effect, actor: o.actor, now: o.now }),
  });
  await recordAudit(tx, {
    type: result.audit.type,
    actor: o.actor,
    at: result.audit.at,
    entityType: "application",
    entityId: app.id,
    applicationId: app.id,
    organisationId: app.organisationId,
    data: {
      from: result.audit.from,
      to: result.audit.to,
      ...result.audit.data,
    },
    meta: o.meta,
  });
  if (o.within) await o.within(tx, { app: updated, result });
  return { application: updated, result, context: { app: updated, definition, regulationVersionId: updated.regulationVersionId ?? regulationVersionId, calendar } };
}
