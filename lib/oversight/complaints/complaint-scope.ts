import { DomainError } from "@/lib/platform/core";
import type { DbOrTx, Prisma } from "@/lib/platform/db";
import { can, organisationFilter, type Actor } from "@/lib/platform/auth";

/**
 * Which complaints the actor may see: an applicant their subject's own; a handler (supervisor in
 * scope, head of the organisation) those addressed to their organisations; an administrator all.
 * Anything else sees nothing (out of scope = "not found").
 */
export async function complaintScope(db: DbOrTx, actor: Actor): Promise<Prisma.ComplaintWhereInput> {
  if (actor.kind !== "user") return {};
  if (actor.role === "APPLICANT") {
    if (!actor.subjectId) throw new DomainError("errors.not_found");
    return { subjectId: actor.subjectId };
  }
  if (actor.role === "ADMIN") return {};
  if (!can(actor, "complaint.handle")) throw new DomainError("errors.not_found");
  // A complaint routed to the authorised body (a Committee decision, [004 L368-372]) is handled by
  // supervisors, not by the head of the organisation complained about.
  const kinds: Prisma.ComplaintWhereInput = actor.role === "SUPERVISOR" ? {} : { handlerKind: { not: "authorised_body" } };
  const filter = organisationFilter(actor);
  if (Object.keys(filter).length === 0) return kinds;
  if (filter.id) return { organisationId: filter.id, ...kinds };
  const orgs = await db.organisation.findMany({ where: filter, select: { id: true } });
  return { organisationId: { in: orgs.map((o) => o.id) }, ...kinds };
}

/** Handlers act; administrators only read. */
export function assertHandler(actor: Actor): asserts actor is Extract<Actor, { kind: "user" }> {
  if (!can(actor, "complaint.handle")) throw new DomainError("errors.not_found");
}
