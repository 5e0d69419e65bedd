import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, type UserActor } from "@/lib/platform/auth";
import { WORKLIST_STATUSES } from "./schemas";

/** At most this many of one executor's applications are listed for reassignment at once. */
export const REASSIGN_LIST_LIMIT = 200;

export type AssignedApplicationRow = {
  id: string;
  version: number;
  registrationNumber: string | null;
  serviceCode: string;
  status: string;
  stepKey: string | null;
  stepDueAt: Date | null;
  applicantName: string;
  applicantIdentifier: string;
};

/** The open applications of the organisation currently assigned to `executorId`, soonest due first. */
export async function listAssignedApplications(db: DbOrTx, actor: UserActor, executorId: string): Promise<AssignedApplicationRow[]> {
  if (!actor.organisationId) throw new DomainError("auth.no_organisation");
  return db.application.findMany({
    where: { AND: [applicationScope(actor), { assigneeId: executorId, stepRole: "EXECUTOR", status: { in: [...WORKLIST_STATUSES] } }] },
    orderBy: [{ stepDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: REASSIGN_LIST_LIMIT,
    select: {
      id: true,
      version: true,
      registrationNumber: true,
      serviceCode: true,
      status: true,
      stepKey: true,
      stepDueAt: true,
      applicantName: true,
      applicantIdentifier: true,
    },
  });
}
