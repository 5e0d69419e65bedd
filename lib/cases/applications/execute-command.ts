import { addWorkingTime, type Calendar } from "@/lib/law/calendar";
import { DomainError } from "@/lib/platform/core";
import type { Application, Db, Prisma, Tx } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";
import { auditBatch, flushDeferred, recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { calendarFromStamp, CALENDAR_YEARS_DIGEST_SQL } from "@/lib/law/organisation-calendar";
import { transition, type TEffect, type TransitionResult, type TWorkflowCommandInput } from "@/lib/law/workflow";
import type { TWorkflowDefinition } from "@/lib/law/regulations";
import { applyEffects } from "./apply-effects";
import { issueLicenceForEffect } from "./issue-licence-effect";
import { definitionForVersion, resolveRegulationVersion } from "./regulation-for";
import { rowAfter, toWorkflowState, writeApplicationState } from "./workflow-state";
import { nextRegistrationNumber, registrationNumberSql } from "./registration-number";

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
  const facts = await readContextFacts(tx, app);
  const calendar = await calendarFromStamp(tx, app.organisationId, { organisation: facts, years: facts }, { serviceCode: app.serviceCode });
  if (app.regulationVersionId) {
    const definition = await definitionForVersion(tx, app.regulationVersionId, app.variant);
    return { app, definition, regulationVersionId: app.regulationVersionId, calendar };
  }
  // Not registered yet: the version in force now; it is fixed on the application at submission.
  const resolved = await resolveRegulationVersion(tx, {
    serviceCode: app.serviceCode,
    variant: app.variant,
    organisation: facts,
    at: now,
    versionIds: facts.versionIds,
  });
  return { app, definition: resolved.definition, regulationVersionId: resolved.regulationVersionId, calendar };
}

type ContextFacts = {
  code: string;
  region: string;
  workingHours: unknown;
  updatedAt: Date;
  digest: string | null;
  first: number | null;
  versionIds: string[];
};

/**
 * One statement for what the context needs from the database (issue 14: the organisation read
 * once): the organisation (calendar stamp and regulation resolution), the calendar years' digest
 * and — for a draft only, whose version is not fixed yet — the ids of its service's versions.
 */
async function readContextFacts(tx: Tx, app: Application): Promise<ContextFacts> {
  const versionsOf = app.regulationVersionId ? null : app.serviceCode;
  const [facts] = await tx.$queryRaw<ContextFacts[]>`
    SELECT o."code", o."region", o."workingHours", o."updatedAt", y."digest", y."first",
      ARRAY(SELECT r."id" FROM "RegulationVersion" r WHERE r."serviceCode" = ${versionsOf}) AS "versionIds"
    FROM "Organisation" o CROSS JOIN (${CALENDAR_YEARS_DIGEST_SQL}) y
    WHERE o."id" = ${app.organisationId}`;
  if (!facts) throw new DomainError("errors.not_found");
  return facts;
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
  return (await executeCommandBatchInTx(tx, [o], ctx)).at(-1)!;
}

/**
 * Several commands on one loaded context (issue 14, "one load per batch"): the engine applies
 * them one after another in memory, then the application is written ONCE (one compare-and-swap on
 * the version it was loaded with), each command's effects are persisted with the row as it stood
 * after that command, and the audit rows go in one insert. All or nothing, in the caller's
 * transaction. The results are those of the commands, in order.
 */
export async function executeCommandBatchInTx(tx: Tx, list: readonly ExecuteCommandOptions[], ctx: CommandContext): Promise<ExecuteCommandResult[]> {
  if (!list.length) throw new Error("executeCommandBatchInTx needs at least one command");
  const { definition, calendar } = ctx;
  const loadedApp = ctx.app;
  let regulationVersionId = ctx.regulationVersionId;
  const updatedAt = new Date();
  let app = loadedApp;
  const steps: { o: ExecuteCommandOptions; app: Application; result: TransitionResult }[] = [];
  // The e-document gets its registration number when it is submitted (process 9); the office's
  // "register" step records the same number in its journal. `register` takes it as its input, so a
  // batch with a `register` draws it first; otherwise the UPDATE below draws it (one statement less).
  const drawFirst = list.some((c) => c.command.type === "register");
  let drawnBy: { index: number; sql: Prisma.Sql } | undefined;
  for (const o of list) {
    let registrationNumber = app.registrationNumber;
    if (!registrationNumber && !drawnBy && (o.command.type === "submit" || o.command.type === "register")) {
      if (drawFirst) registrationNumber = await nextRegistrationNumber(tx, o.now);
      else drawnBy = { index: steps.length, sql: registrationNumberSql(o.now) };
    }
    const command = (o.command.type === "register" ? { ...o.command, registrationNumber: registrationNumber ?? undefined } : o.command) as TWorkflowCommandInput;
    const result = transition(definition, toWorkflowState(app), command, o.actor, o.now, {
      computeDue: (term, startedAt) => addWorkingTime(calendar, startedAt, term),
    });
    // The version is fixed on the application once it leaves the draft state.
    const fixVersion = result.next.status !== "DRAFT" && !app.regulationVersionId;
    app = rowAfter(app, result.next, { registrationNumber, regulationVersionId: fixVersion ? regulationVersionId : app.regulationVersionId, updatedAt });
    regulationVersionId = app.regulationVersionId ?? regulationVersionId;
    steps.push({ o, app, result });
  }
  const written = await writeApplicationState(tx, app, loadedApp.version, drawnBy?.sql);
  if (!written) throw new DomainError("workflow.stale_state");
  if (drawnBy) {
    // The rows from the submitting command on carry the number the UPDATE drew.
    for (const step of steps.slice(drawnBy.index)) step.app = { ...step.app, registrationNumber: written.registrationNumber };
  }

  return auditBatch(tx, async () => {
    const out: ExecuteCommandResult[] = [];
    for (const { o, app: after, result } of steps) {
      await applyEffects(tx, result.effects, {
        app: after,
        calendar,
        now: o.now,
        onIssueLicence: (effect) => (o.onIssueLicence ?? issueLicenceForEffect)(tx, { app: after, effect, actor: o.actor, now: o.now }),
      });
      await recordAudit(tx, {
        type: result.audit.type,
        actor: o.actor,
        at: result.audit.at,
        entityType: "application",
        entityId: after.id,
        applicationId: after.id,
        organisationId: after.organisationId,
        data: {
          from: result.audit.from,
          to: result.audit.to,
          ...result.audit.data,
        },
        meta: o.meta,
      });
      if (o.within) {
        await flushDeferred(tx); // the hook may read what the effects wrote
        await o.within(tx, { app: after, result });
      }
      out.push({ application: after, result, context: { app: after, definition, regulationVersionId, calendar } });
    }
    return out;
  });
}
