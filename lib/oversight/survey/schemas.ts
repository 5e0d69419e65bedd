import { z } from "zod";

/** Answers of seed 002 appendix 3: 1 not satisfied, 2 partially satisfied, 3 satisfied [002 L637-646]. */
export const SURVEY_ANSWERS = [1, 2, 3] as const;
const ZAnswer = z.coerce.number({ error: "survey.answer_required" }).int("survey.answer_required").min(1, "survey.answer_required").max(3, "survey.answer_required");
const ZOptionalAnswer = z.preprocess((v) => (v === "" || v === undefined || v === null || v === "0" ? undefined : v), ZAnswer.optional());

export const ZSurveyAnswers = z.object({
  /** Q1: satisfied with the quality of the process and its result (indicator 2.1). */
  q1Process: ZAnswer,
  /** Q2: satisfied with the quality of the information about the procedure (3.1). */
  q2Information: ZAnswer,
  /** Q3: courtesy of the staff (5.1; an extra question, the seeds have none). */
  q3Courtesy: ZAnswer,
  /** Q4: the appeal procedure, only for those who appealed (4.1). */
  q4Appeal: ZOptionalAnswer,
});
export type TSurveyAnswers = z.infer<typeof ZSurveyAnswers>;

export const ZSubmitSurveyInput = ZSurveyAnswers.extend({ applicationId: z.uuid() });
export type TSubmitSurveyInput = z.infer<typeof ZSubmitSurveyInput>;
