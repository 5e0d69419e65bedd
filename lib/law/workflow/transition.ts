import { STAFF_ROLES, type TWorkflowDefinition } from "@/lib/law/regulations";
import { COMMAND_TYPES, ZWorkflowCommand, type TCommandType, type TWorkflowCommand } from "./commands";
import { FINAL_STATUSES, type Ctx, type TransitionResult } from "./context";
import { fail } from "./errors";
import { HANDLERS } from "./handlers";
import type { Handler } from "./handlers/handler";
import type { WorkflowActor, WorkflowDeps, WorkflowState } from "./types";

type ActorKind = "applicant" | "staff" | "system" | "other";

function kindOf(actor: WorkflowActor): ActorKind {
  if (actor.kind === "system") return "system";
  if (actor.role === "APPLICANT") return "applicant";
  return (STAFF_ROLES as readonly string[]).includes(actor.role) || actor.role === "PSC_OPERATOR" ? "staff" : "other";
}

/**
 * Checks shared by every command, in this order: who may send it at all (wrong_role), whether the
 * application is visible to the actor (not_found: another organisation or applicant), then final
 * states; the handler's guard follows (order, step role, assignee, signing right, ...).
 */
function guardCommon(type: TCommandType, ctx: Ctx): Handler<TCommandType> {
  const handler = HANDLERS[type] as Handler<TCommandType>;
  const kind = kindOf(ctx.actor);
  if (kind === "other" || !handler.who.includes(kind)) fail("workflow.wrong_role", { command: type });
  const a = ctx.actor;
  if (a.kind === "user") {
    if (kind === "applicant" && (!a.subjectId || a.subjectId !== ctx.state.subjectId)) fail("workflow.not_found");
    // A PSC operator acts only on packages their centre accepted; other staff within their organisation.
    const own = a.role === "PSC_OPERATOR" ? ctx.state.pscId : ctx.state.organisationId;
    if (kind === "staff" && (!own || a.organisationId !== own)) fail("workflow.not_found");
  }
  return handler;
}

function checkExpected(cmd: TWorkflowCommand, state: WorkflowState): void {
  const e = cmd.expected;
  if (!e) return;
  const stale =
    (e.version !== undefined && e.version !== state.version) ||
    (e.status !== undefined && e.status !== state.status) ||
    (e.stepKey !== undefined && e.stepKey !== state.stepKey);
  if (stale) fail("workflow.stale_state", { version: state.version, status: state.status, stepKey: state.stepKey });
}

/**
 * The pure engine (style.md "Do" 8): no database, no clock. Returns the next state (version + 1),
 * the effects to persist or enqueue in the same transaction, and one audit entry; or throws a
 * DomainError `workflow.*`. The caller does the compare-and-swap on `state.version`.
 */
export function transition(
  definition: TWorkflowDefinition,
  state: WorkflowState,
  command: unknown,
  actor: WorkflowActor,
  now: Date,
  deps: WorkflowDeps,
): TransitionResult {
  const parsed = ZWorkflowCommand.safeParse(command);
  if (!parsed.success) {
    fail("workflow.invalid_command", { issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
  }
  const cmd = parsed.data;
  const ctx: Ctx = { def: definition, state, actor, now, deps };
  const handler = guardCommon(cmd.type, ctx);
  checkExpected(cmd, state);
  if (FINAL_STATUSES.includes(state.status)) fail("workflow.already_final", { status: state.status });
  handler.guard(ctx);
  return handler.apply(ctx, cmd as never);
}

const NO_DEPS: WorkflowDeps = {
  computeDue() {
    throw new Error("availableCommands does not compute deadlines");
  },
};

/** The commands this actor may send now (what the UI shows); payload checks still happen in `transition`. */
export function availableCommands(definition: TWorkflowDefinition, state: WorkflowState, actor: WorkflowActor): TCommandType[] {
  if (FINAL_STATUSES.includes(state.status)) return [];
  const ctx: Ctx = { def: definition, state, actor, now: new Date(0), deps: NO_DEPS };
  return COMMAND_TYPES.filter((type) => {
    try {
      guardCommon(type, ctx).guard(ctx);
      return true;
    } catch {
      return false;
    }
  });
}
