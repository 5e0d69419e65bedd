import { z } from "zod";
import questionsJson from "./data/questions.json";
import { deepFreeze, parseDataFile } from "@/lib/platform/core";
import { ZSourceRef } from "@/lib/law/organisations";

export const SURVEY_QUESTIONS_FILE = "lib/oversight/survey/data/questions.json";
const ZText = z.strictObject({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });

export const ZSurveyQuestions = z.strictObject({
  $comment: z.string().optional(),
  version: z.number().int().positive(),
  answers: z.array(z.strictObject({ value: z.union([z.literal(1), z.literal(2), z.literal(3)]), label: ZText, sourceLines: z.array(ZSourceRef).min(1) })).length(3),
  questions: z
    .array(
      z.strictObject({
        /** The SurveyResponse column (and form field) the answer goes to. */
        name: z.enum(["q1Process", "q2Information", "q3Courtesy", "q4Appeal"]),
        indicator: z.enum(["2.1", "3.1", "4.1", "5.1"]),
        required: z.boolean(),
        /** "seed": printed in seed 002 appendix 3; "portal": added for an indicator the seeds measure without a question. */
        origin: z.enum(["seed", "portal"]),
        text: ZText,
        sourceLines: z.array(ZSourceRef).min(1),
      }),
    )
    .min(1),
});
export type TSurveyQuestions = z.infer<typeof ZSurveyQuestions>;
export type TSurveyQuestion = TSurveyQuestions["questions"][number];

const DATA = deepFreeze(parseDataFile(ZSurveyQuestions, questionsJson as unknown, SURVEY_QUESTIONS_FILE, "questions"));

/** The survey's questions and answer scale, in order (rendered by the survey page). */
export function getSurveyQuestions(): TSurveyQuestions {
  return DATA;
}
