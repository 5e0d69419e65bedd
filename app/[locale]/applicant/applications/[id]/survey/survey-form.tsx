"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { useSubmitKeepingValues } from "@/components/complaints/use-submit-keeping-values";
import { submitSurveyAction } from "./actions";

/** The questions and the answer scale come from lib/oversight/survey/data/questions.json (seed 002 appendix 3 plus the portal's two). */
export type TSurveyFormQuestion = { name: string; required: boolean; text: string };
export type TSurveyFormAnswer = { value: number; label: string };

/**
 * The survey of seed 002 appendix 3 (Q1, Q2) plus staff courtesy (Q3) and, for those who appealed,
 * the appeal procedure (Q4). Each question is a radio group in a fieldset with its legend.
 */
export function SurveyForm({ applicationId, questions, answers }: { applicationId: string; questions: readonly TSurveyFormQuestion[]; answers: readonly TSurveyFormAnswer[] }) {
  const t = useTranslations("survey");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(submitSurveyAction, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  if (state?.ok) return <Alert tone="success" title={t("thanks")}>{t("thanksLead")}</Alert>;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-6" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      {questions.map((q, i) => {
        const error = errors[q.name] ? tc(errors[q.name]) : undefined;
        const hintId = q.required ? undefined : `${q.name}-hint`;
        return (
          <fieldset key={q.name} className="rounded-lg border border-slate-200 bg-white p-4" aria-describedby={[hintId, error ? `${q.name}-error` : null].filter(Boolean).join(" ") || undefined}>
            <legend className="px-1 font-semibold">
              {i + 1}. {q.text}
              {q.required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
            </legend>
            {hintId ? <p id={hintId} className="mb-2 text-sm text-slate-600">{t("q4Hint")}</p> : null}
            {[...answers].reverse().map((a) => (
              <div key={a.value} className="flex items-center gap-2 py-1">
                <input id={`${q.name}-${a.value}`} type="radio" name={q.name} value={a.value} required={q.required} className="h-4 w-4" />
                <label htmlFor={`${q.name}-${a.value}`}>{a.label}</label>
              </div>
            ))}
            {q.required ? null : (
              <div className="flex items-center gap-2 py-1">
                <input id={`${q.name}-none`} type="radio" name={q.name} value="" defaultChecked className="h-4 w-4" />
                <label htmlFor={`${q.name}-none`}>{t("q4None")}</label>
              </div>
            )}
            {error ? <p id={`${q.name}-error`} className="mt-1 text-sm font-medium text-red-700">{error}</p> : null}
          </fieldset>
        );
      })}
      <p className="text-sm text-slate-700">{t("anonymity")}</p>
      <div>
        <Button type="submit" busy={pending}>{pending ? t("submitting") : t("submit")}</Button>
      </div>
      {state && !state.ok ? <Alert tone="error">{tc(state.fieldErrors ? "validation.failed" : state.code)}</Alert> : null}
    </form>
  );
}
