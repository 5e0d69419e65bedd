import { getService, getVariant } from "@/lib/law/catalogue";
import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { assertCan, type UserActor } from "@/lib/platform/auth";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { recipientOf } from "./recipient-kind";
import type { TCreateDraftInput } from "./schemas";

/**
 * Starts an application as a draft for the signed-in applicant: the service must offer the variant,
 * the applicant's category must be among the service's recipients (scrap metal: legal entities
 * only), the organisation must provide the service; re-issue, duplicate and annex start from one
 * of the applicant's own licences of that service.
 */
export async function createDraft(db: Db, input: TCreateDraftInput, ctx: { actor: UserActor; now: Date; meta?: RequestMeta }) {
  assertCan(ctx.actor, "application.create");
  const service = getService(input.serviceCode);
  if (!service) throw new DomainError("catalogue.unknown_service");
  if (!getVariant(service, input.variant)) throw new DomainError("catalogue.variant_not_offered");
  if (!service.channels.includes("portal")) throw new DomainError("applications.not_available_online");

  return db.$transaction(async (tx) => {
    const subject = await tx.subject.findUniqueOrThrow({ where: { id: ctx.actor.subjectId! } });
    if (!service.recipients.includes(recipientOf(subject.kind))) throw new DomainError("applications.recipient_not_allowed");
    const organisation = await tx.organisation.findFirst({ where: { code: input.organisationCode, services: { some: { serviceCode: service.code } } } });
    if (!organisation) throw new DomainError("applications.provider_not_offering");

    let baseLicenceId: string | null = null;
    let baseLicenceNumber: string | undefined;
    if (input.variant === "reissue" || input.variant === "duplicate" || input.variant === "annex") {
      if (!input.baseLicenceId) throw new DomainError("applications.base_licence_required");
      const base = await tx.licence.findFirst({
        where: { id: input.baseLicenceId, holderId: subject.id, serviceCode: service.code, status: { in: ["ACTIVE", "SUSPENDED"] } },
      });
      if (!base) throw new DomainError("applications.base_licence_required");
      if (base.organisationId !== organisation.id) throw new DomainError("applications.provider_not_offering");
      baseLicenceId = base.id;
      baseLicenceNumber = base.number;
    }

    const app = await tx.application.create({
      data: {
        serviceCode: service.code,
        variant: input.variant.toUpperCase() as "ISSUE",
        organisationId: organisation.id,
        subjectId: subject.id,
        createdById: ctx.actor.userId,
        applicantName: subject.name,
        applicantIdentifier: subject.identifier,
        baseLicenceId,
        // The licence chosen on the first step is the one the form asks for: filled in, still editable.
        formData: { contactPhone: subject.phone ?? undefined, contactEmail: subject.email ?? undefined, previousLicenceNumber: baseLicenceNumber },
      },
    });
    await recordAudit(tx, {
      type: "application.draft_created",
      actor: ctx.actor,
      at: ctx.now,
      entityType: "application",
      entityId: app.id,
      applicationId: app.id,
      organisationId: organisation.id,
      data: { serviceCode: service.code, variant: input.variant, baseLicenceId },
      meta: ctx.meta,
    });
    return app;
  });
}
