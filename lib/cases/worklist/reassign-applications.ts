import { assertCan, applicationScope, type UserActor } from "@/lib/platform/auth";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { DomainError, isDomainError } from "@/lib/platform/core";
import type { Db, Tx } from "@/lib/platform/db";
import { notifyMany } from "@/lib/integration/notifications";
import { parseWorkflowData, type TWorkflowData } from "@/lib/law/workflow";
import { WORKLIST_STATUSES, type TReassignInput } from "./schemas";

export type ReassignResult = { id: string; ok: true; version: number } | { id: string; ok: false; code: string };

/**
 * Bulk reassignment by the head: the chosen applications of one executor (absent, overloaded) go
 * to another executor of the same organisation, one transaction per application.
 *
 * Not the engine's `assign` command: `assign` completes an *assign* step by that step's role
 * (lib/law/workflow/handlers/assignment.ts: requireStepAction "assign" + requireStepActor). An
 * application assigned to an executor is already at the executor's work (or 003 hand-over) step,
 * where `assign` is `workflow.step_out_of_order` for everyone. Reassignment does not complete or
 * start a step; it swaps the person of the running step, so it is done here with the same
 * guarantees as `executeCommand`: scoped read, compare-and-swap on `version` (+1), the open
 * ApplicationStep's assignee, the resolution in workflowData (`assignees.EXECUTOR`, so that later
 * executor steps start with the new person; an entry in `assignments`), an audit row
 * `application.reassigned` and a notification to the new executor, all in the same transaction.
 */
export async function reassignApplications(
  db: Db,
  o: { actor: UserActor; input: TReassignInput; now: Date; meta?: RequestMeta },
): Promise<ReassignResult[]> {
  const { actor, input } = o;
  assertCan(actor, "application.reassign_bulk");
  if (!actor.organisationId) throw new DomainError("auth.no_organisation");
  if (input.fromUserId === input.toUserId) throw new DomainError("officer.errors.same_executor", { fieldErrors: { toUserId: "officer.errors.same_executor" } });
  const people = await db.user.findMany({
    where: { id: { in: [input.fromUserId, input.toUserId] }, organisationId: actor.organisationId, role: "EXECUTOR" },
    select: { id: true, active: true },
  });
  if (!people.some((p) => p.id === input.fromUserId)) throw new DomainError("workflow.invalid_assignee", { fieldErrors: { fromUserId: "workflow.invalid_assignee" } });
  if (!people.some((p) => p.id === input.toUserId && p.active)) throw new DomainError("workflow.invalid_assignee", { fieldErrors: { toUserId: "workflow.invalid_assignee" } });

  const results: ReassignResult[] = [];
  for (const app of input.applications) {
    try {
      const version = await db.$transaction((tx) => reassignOne(tx, o, app));
      results.push({ id: app.id, ok: true, version });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      results.push({ id: app.id, ok: false, code: e.code });
    }
  }
  return results;
}

async function reassignOne(
  tx: Tx,
  { actor, input, now, meta }: { actor: UserActor; input: TReassignInput; now: Date; meta?: RequestMeta },
  expected: { id: string; version: number },
): Promise<number> {
  const app = await tx.application.findFirst({ where: { AND: [{ id: expected.id }, applicationScope(actor)] } });
  if (!app) throw new DomainError("errors.not_found");
  if (app.version !== expected.version) throw new DomainError("workflow.stale_state");
  const open = (WORKLIST_STATUSES as readonly string[]).includes(app.status);
  if (!open || app.stepRole !== "EXECUTOR" || app.assigneeId !== input.fromUserId) throw new DomainError("officer.errors.not_assigned");

  const wd = parseWorkflowData(app.workflowData);
  const workflowData: TWorkflowData = {
    ...wd,
    assignees: { ...wd.assignees, EXECUTOR: input.toUserId },
    assignments: [
      ...wd.assignments,
      { stepKey: app.stepKey ?? "", byUserId: actor.userId, byRole: "HEAD", toUserId: input.toUserId, toRole: "EXECUTOR", at: now.toISOString() },
    ],
  };
  const next = app.version + 1;
  const { count } = await tx.application.updateMany({
    where: { id: app.id, version: app.version, assigneeId: input.fromUserId },
    data: { assigneeId: input.toUserId, workflowData: workflowData as object, version: next },
  });
  if (count === 0) throw new DomainError("workflow.stale_state");
  await tx.applicationStep.updateMany({
    where: { applicationId: app.id, seq: wd.stepSeq, completedAt: null },
    data: { assigneeId: input.toUserId },
  });
  await recordAudit(tx, {
    type: "application.reassigned",
    actor,
    at: now,
    entityType: "application",
    entityId: app.id,
    applicationId: app.id,
    organisationId: app.organisationId,
    data: { stepKey: app.stepKey, fromUserId: input.fromUserId, toUserId: input.toUserId, version: next },
    meta,
  });
  if (app.stepKey && app.stepDueAt) {
    await notifyMany(tx, {
      userIds: [input.toUserId],
      kind: "task_assigned",
      params: { application: app.registrationNumber ?? app.applicantName, step: app.stepKey, dueAt: app.stepDueAt },
      applicationId: app.id,
      now,
    });
  }
  return next;
}
