import { finish, iso, requireStatus, requireStepAction, requireStepActor } from "../context";
import { fail } from "../errors";
import { completeStep, startStep } from "../step-flow";
import type { Handler } from "./handler";

/**
 * A resolution naming the person of the next step: head → executor (000, 001, defaults), or
 * head → deputy head → department head → executor (003) [003 L218-223].
 */
export const assign: Handler<"assign"> = {
  who: ["staff"],
  guard(ctx) {
    requireStatus(ctx, "IN_PROGRESS");
    requireStepActor(ctx, requireStepAction(ctx, "assign").step);
  },
  apply(ctx, cmd) {
    const { step, index } = requireStepAction(ctx, "assign");
    const actor = requireStepActor(ctx, step);
    const target = ctx.def.steps[index + 1]!;
    if (cmd.assigneeRole !== target.role) fail("workflow.invalid_assignee_role", { expected: target.role, got: cmd.assigneeRole });
    if (cmd.assigneeOrganisationId !== ctx.state.organisationId) fail("workflow.invalid_assignee");
    const wd = ctx.state.workflowData;
    const workflowData = {
      ...wd,
      assignees: { ...wd.assignees, [target.role]: cmd.assigneeId },
      assignments: [
        ...wd.assignments,
        { stepKey: step.key, byUserId: actor.userId, byRole: step.role, toUserId: cmd.assigneeId, toRole: cmd.assigneeRole, at: iso(ctx.now) },
      ],
    };
    let flow = completeStep(ctx, { state: { ...ctx.state, workflowData }, effects: [] }, "assigned");
    flow = startStep(ctx, flow, index + 1, { assigneeId: cmd.assigneeId });
    return finish(ctx, flow.state, flow.effects, "application.assigned", { stepKey: step.key, assigneeId: cmd.assigneeId, assigneeRole: cmd.assigneeRole });
  },
};
