import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, type UserActor } from "@/lib/platform/auth";

/** The facts an action's own checks need, read through the actor's scope (else not found). */
export async function scopedApplicationFacts(db: DbOrTx, actor: UserActor, applicationId: string) {
  const app = await db.application.findFirst({
    where: { AND: [{ id: applicationId }, applicationScope(actor)] },
    select: {
      id: true,
      serviceCode: true,
      variant: true,
      channel: true,
      formData: true,
      organisationId: true,
      registrationNumber: true,
      decision: true,
      version: true,
      subject: { select: { kind: true, identifier: true, name: true } },
    },
  });
  if (!app) throw new DomainError("errors.not_found");
  return app;
}
