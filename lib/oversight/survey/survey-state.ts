import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";

/** Applications with a result the applicant can rate. */
export const SURVEY_STATUSES = ["ISSUED", "REFUSED", "DEEMED_ISSUED"] as const;

export type TSurveyState = {
  application: { id: string; registrationNumber: string | null; serviceCode: string; organisationId: string; status: string };
  /** The application has a result (issued, refused or deemed issued). */
  eligible: boolean;
  answered: boolean;
};

/**
 * The applicant's own application (scoped by subject; anything else is "not found") and whether
 * its survey can still be answered. Nothing about the answers themselves is read here.
 */
export async function surveyState(db: DbOrTx, actor: Actor, applicationId: string): Promise<TSurveyState> {
  if (actor.kind !== "user" || actor.role !== "APPLICANT") throw new DomainError("errors.not_found");
  const app = await db.application.findFirst({
    where: { AND: [{ id: applicationId }, applicationScope(actor)] },
    select: { id: true, registrationNumber: true, serviceCode: true, organisationId: true, status: true, survey: { select: { id: true } } },
  });
  if (!app) throw new DomainError("errors.not_found");
  const { survey, ...application } = app;
  return { application, eligible: (SURVEY_STATUSES as readonly string[]).includes(app.status), answered: survey !== null };
}
