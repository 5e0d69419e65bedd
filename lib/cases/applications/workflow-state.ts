import type { Application, Prisma, Tx } from "@/lib/platform/db";
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

/** A JSON column's value as it reads back from the database (dates become strings, undefined drops). */
function asStored<T>(value: T): T {
  return value === null || value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * The application row as it stands after a transition, without reading it back: `toColumns` plus
 * the registration number and regulation version written with it (and `updatedAt`).
 */
export function rowAfter(
  row: Application,
  next: WorkflowState,
  o: { registrationNumber: string | null; regulationVersionId: string | null; updatedAt: Date },
): Application {
  return {
    ...row,
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
    decision: asStored(next.decision) as Application["decision"],
    workflowData: asStored(next.workflowData) as Application["workflowData"],
    registrationNumber: o.registrationNumber,
    regulationVersionId: o.regulationVersionId,
    updatedAt: o.updatedAt,
  };
}

/**
 * Writes the workflow columns of `row` with a compare-and-swap on the version the batch was
 * loaded with; null when another writer got there first, else the stored registration number.
 * `drawRegistrationNumber`: an SQL expression for the number, drawn by this statement instead of
 * `row.registrationNumber`. Raw SQL: the one UPDATE of every command skips Prisma's per-statement
 * query compilation (issue 14).
 */
export async function writeApplicationState(
  tx: Tx,
  row: Application,
  expectedVersion: number,
  drawRegistrationNumber?: Prisma.Sql,
): Promise<{ registrationNumber: string | null } | null> {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const [updated] = await tx.$queryRaw<{ registrationNumber: string | null }[]>`
    UPDATE "Application" SET
      "status" = ${row.status}::"ApplicationStatus", "stepKey" = ${row.stepKey}, "stepRole" = ${row.stepRole}::"Role",
      "assigneeId" = ${row.assigneeId}, "stepStartedAt" = ${row.stepStartedAt}, "stepDueAt" = ${row.stepDueAt},
      "submittedAt" = ${row.submittedAt}, "registeredAt" = ${row.registeredAt}, "dueAt" = ${row.dueAt},
      "closedAt" = ${row.closedAt}, "deemedIssuedAt" = ${row.deemedIssuedAt}, "version" = ${row.version},
      "decision" = ${json(row.decision)}::jsonb, "workflowData" = ${json(row.workflowData)}::jsonb,
      "registrationNumber" = ${drawRegistrationNumber ?? row.registrationNumber}, "regulationVersionId" = ${row.regulationVersionId},
      "updatedAt" = ${row.updatedAt}
    WHERE "id" = ${row.id} AND "version" = ${expectedVersion}
    RETURNING "registrationNumber"`;
  return updated ?? null;
}
