import type { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { STAFF_ROLES, type TStaffRole } from "@/lib/law/regulations";
import { runOfficerCommand, type OfficerCommandContext, type TActionOutcome } from "./run-command";
import type { ZAssignInput } from "./schemas";

/**
 * A resolution naming the officer of the next step. The officer is looked up in the actor's own
 * organisation (an id from elsewhere is `workflow.invalid_assignee`); the engine checks that their
 * role is the one the next step needs (`workflow.invalid_assignee_role`).
 */
export async function assignApplication(db: Db, ctx: OfficerCommandContext, input: z.infer<typeof ZAssignInput>): Promise<TActionOutcome> {
  if (!ctx.actor.organisationId) throw new DomainError("auth.no_organisation");
  const person = await db.user.findFirst({
    where: { id: input.assigneeId, organisationId: ctx.actor.organisationId, active: true },
    select: { id: true, role: true, organisationId: true },
  });
  if (!person || !person.organisationId || !(STAFF_ROLES as readonly string[]).includes(person.role)) {
    throw new DomainError("workflow.invalid_assignee", { fieldErrors: { assigneeId: "workflow.invalid_assignee" } });
  }
  return runOfficerCommand(db, ctx, input, {
    type: "assign",
    assigneeId: person.id,
    assigneeRole: person.role as TStaffRole,
    assigneeOrganisationId: person.organisationId,
  });
}
