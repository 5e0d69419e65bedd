import { DomainError } from "@/lib/platform/core";
import { Prisma, type Db } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { ZSurveyAnswers, type TSurveyAnswers } from "./schemas";
import { surveyState } from "./survey-state";

export type TSubmitSurvey = { actor: Actor; applicationId: string; answers: TSurveyAnswers; now: Date; meta?: RequestMeta };

/**
 * The applicant answers the satisfaction survey of one of their applications with a result,
 * once (the unique applicationId makes a second answer, even a concurrent one, fail with
 * `survey.already_answered`). The response keeps the organisation and the service but no user
 * id, so reports are anonymous; the audit row says that the survey was answered, not how.
 */
export async function submitSurvey(db: Db, input: TSubmitSurvey): Promise<{ id: string }> {
  const answers = ZSurveyAnswers.parse(input.answers);
  const state = await surveyState(db, input.actor, input.applicationId);
  if (!state.eligible) throw new DomainError("survey.not_available");
  if (state.answered) throw new DomainError("survey.already_answered");
  const app = state.application;
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.surveyResponse.create({
        data: {
          applicationId: app.id,
          organisationId: app.organisationId,
          serviceCode: app.serviceCode,
          q1Process: answers.q1Process,
          q2Information: answers.q2Information,
          q3Courtesy: answers.q3Courtesy,
          q4Appeal: answers.q4Appeal ?? null,
          createdAt: input.now,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        type: "survey.submitted",
        actor: input.actor,
        at: input.now,
        entityType: "SurveyResponse",
        entityId: row.id,
        applicationId: app.id,
        organisationId: app.organisationId,
        meta: input.meta,
      });
      return row;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new DomainError("survey.already_answered");
    throw e;
  }
}
