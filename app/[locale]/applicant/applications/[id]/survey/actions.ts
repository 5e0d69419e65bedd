"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { submitSurvey, ZSubmitSurveyInput } from "@/lib/oversight/survey";

/** Answers the satisfaction survey of one application (once; anonymous in reports). */
export const submitSurveyAction = action(
  ZSubmitSurveyInput,
  async ({ applicationId, ...answers }, { actor, now, meta }) => {
    await submitSurvey(getDb(), { actor, applicationId, answers, now, meta });
    revalidatePath("/[locale]/applicant/applications/[id]/survey", "page");
    return { applicationId };
  },
  { permission: "survey.answer" },
);
