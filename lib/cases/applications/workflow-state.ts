import { Prisma, type Application } from "@/lib/platform/db";
import { parseWorkflowData, ZDecision, type WorkflowState } from "@/lib/law/workflow";
import type { TStaffRole } from "@/lib/law/regulations";

/** Application row → the engine's state (one field per column). */
export function toWorkflowState(row: Application): WorkflowState {
  return {
    status: row.status,
    organisationId: row.organisationId,
    subjectId: row.subjectId,
    channel: row.channel,
    pscId: row.pscId,
    stepKey: row.stepKey,
    stepRole: row.stepRole as TStaffRole | null,
    assigneeId: row.assigneeId,
    stepStartedAt: row.stepStartedAt,
    stepDueAt: row.stepDueAt,
    submittedAt: row.submittedAt,
    registeredAt: row.registeredAt,
    dueAt: row.dueAt,
    closedAt: row.closedAt,
    deemedIssuedAt: row.deemedIssuedAt,
    version: row.version,
    decision: row.decision ? ZDecision.parse(row.decision) : null,
    workflowData: parseWorkflowData(row.workflowData),
  };
}

/** The engine's next state → the columns to write (organisation, subject and channel never change). */
export function toColumns(next: WorkflowState) {
  return {
    status: next.status,
    stepKey: next.stepKey,
    stepRole: next.stepRole,
    assigneeId: next.assigneeId,
    stepStartedAt: next.stepStartedAt,
    stepDueAt: next.stepDueAt,
    submittedAt: next.submittedAt,
    registeredAt: next.registeredAt,
    dueAt: next.dueAt,
    closedAt: next.closedAt,
    deemedIssuedAt: next.deemedIssuedAt,
    version: next.version,
    // A draft returned for revision is cleared (SQL NULL); it stays in workflowData.returns.
    decision: next.decision === null ? Prisma.DbNull : (next.decision as object),
    workflowData: next.workflowData as object,
  };
}
