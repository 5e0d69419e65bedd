import { DomainError, isDomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, can, type Actor } from "@/lib/platform/auth";
import { documentSlots, getService, recipientOfSubjectKind, type TDocumentSlot, type TVariantCode } from "@/lib/law/catalogue";

const applicationSelect = {
  id: true,
  status: true,
  channel: true,
  serviceCode: true,
  variant: true,
  organisationId: true,
  subject: { select: { kind: true } },
} as const;

export type DocumentApplication = {
  id: string;
  status: string;
  channel: "PORTAL" | "PROVIDER" | "PSC" | "POST";
  serviceCode: string;
  variant: string;
  organisationId: string;
  subject: { kind: "LEGAL_ENTITY" | "INDIVIDUAL_ENTREPRENEUR" | "INDIVIDUAL" };
};

/** The application if the actor may see it; otherwise it does not exist (`errors.not_found`). */
export async function findScopedApplication(db: DbOrTx, actor: Actor, applicationId: string): Promise<DocumentApplication> {
  const app = await db.application.findFirst({ where: { AND: [{ id: applicationId }, applicationScope(actor)] }, select: applicationSelect });
  if (!app) throw new DomainError("errors.not_found");
  return app;
}

export async function findApplication(db: DbOrTx, applicationId: string): Promise<DocumentApplication> {
  const app = await db.application.findUnique({ where: { id: applicationId }, select: applicationSelect });
  if (!app) throw new DomainError("errors.not_found");
  return app;
}

/**
 * Who may change an application's attachments:
 * - the applicant, on their own portal application while it is a DRAFT;
 * - an office clerk of the organisation, on a walk-in (provider channel) or postal (post channel)
 *   application during intake, i.e. while it is a DRAFT — the clerk scans the paper package [001 L308-310];
 * - a PSC operator, on a package accepted at their centre (PSC channel) while it is a DRAFT [004 L645-648].
 * Anyone else in scope is refused (`auth.forbidden`); the status or channel mismatch gives
 * `documents.not_editable`.
 */
export function assertMayEditDocuments(actor: Actor, app: Pick<DocumentApplication, "status" | "channel">): "APPLICANT" | "CLERK" {
  let who: "APPLICANT" | "CLERK";
  if (actor.kind === "user" && actor.role === "APPLICANT" && can(actor, "application.create")) who = "APPLICANT";
  else if (actor.kind === "user" && (actor.role === "OFFICE_CLERK" || actor.role === "PSC_OPERATOR") && can(actor, "application.intake")) who = "CLERK";
  else throw new DomainError("auth.forbidden", { permission: "documents.edit" });
  const channels: readonly string[] = who === "APPLICANT" ? ["PORTAL"] : actor.role === "PSC_OPERATOR" ? ["PSC"] : ["PROVIDER", "POST"];
  if (app.status !== "DRAFT" || !channels.includes(app.channel)) throw new DomainError("documents.not_editable", { status: app.status, channel: app.channel });
  return who;
}

/** Upload slots of the application's service, variant, channel and recipient category. */
export function slotsForApplication(app: Pick<DocumentApplication, "serviceCode" | "variant" | "channel" | "subject">): readonly TDocumentSlot[] {
  const service = getService(app.serviceCode);
  if (!service) return [];
  try {
    return documentSlots(service, app.variant.toLowerCase() as TVariantCode, app.channel === "PORTAL" ? "portal" : "provider", recipientOfSubjectKind(app.subject.kind));
  } catch (e) {
    // A variant or channel the catalogue does not offer has no slots at all.
    if (isDomainError(e) && e.code.startsWith("catalogue.")) return [];
    throw e;
  }
}
