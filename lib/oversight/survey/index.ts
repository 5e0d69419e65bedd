export { ZSurveyAnswers, ZSubmitSurveyInput, SURVEY_ANSWERS, type TSurveyAnswers, type TSubmitSurveyInput } from "./schemas";
export { surveyState, SURVEY_STATUSES, type TSurveyState } from "./survey-state";
export { submitSurvey, type TSubmitSurvey } from "./submit-survey";
export { getSurveyQuestions, ZSurveyQuestions, SURVEY_QUESTIONS_FILE, type TSurveyQuestions, type TSurveyQuestion } from "./questions";
