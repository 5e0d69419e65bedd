import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";
import type { TStaffRole } from "@/lib/law/regulations";
import { WORKLIST_STATUSES } from "./schemas";

export type AssigneeCandidate = {
  id: string;
  name: string;
  position: string | null;
  active: boolean;
  /** Open applications currently assigned to this officer. */
  openCount: number;
};

export function fullName(u: { surname: string; givenName: string; patronymic?: string | null }): string {
  return [u.surname, u.givenName, u.patronymic].filter(Boolean).join(" ");
}

/**
 * The active officers of the actor's organisation with `role`, each with their current load: one
 * query for the officers, one grouped count over the assignee index for the loads.
 */
export async function listAssigneeCandidates(
  db: DbOrTx,
  actor: UserActor,
  role: TStaffRole,
  opts: { includeInactive?: boolean } = {},
): Promise<AssigneeCandidate[]> {
  if (!actor.organisationId) throw new DomainError("auth.no_organisation");
  const users = await db.user.findMany({
    where: { organisationId: actor.organisationId, role, ...(opts.includeInactive ? {} : { active: true }) },
    select: { id: true, surname: true, givenName: true, patronymic: true, position: true, active: true },
    orderBy: [{ surname: "asc" }, { givenName: "asc" }, { id: "asc" }],
  });
  if (users.length === 0) return [];
  const loads = await db.application.groupBy({
    by: ["assigneeId"],
    where: { organisationId: actor.organisationId, assigneeId: { in: users.map((u) => u.id) }, status: { in: [...WORKLIST_STATUSES] } },
    _count: { _all: true },
  });
  const load = new Map(loads.map((l) => [l.assigneeId, l._count._all]));
  return users.map((u) => ({ id: u.id, name: fullName(u), position: u.position, active: u.active, openCount: load.get(u.id) ?? 0 }));
}
