"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { answerComplaintAction, extendComplaintAction, takeComplaintAction } from "@/app/[locale]/supervisor/complaints/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { useSubmitKeepingValues } from "@/components/complaints/use-submit-keeping-values";

/** "Take in review" for a registered complaint. */
export function TakeInReviewForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("complaints.handle");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(takeComplaintAction, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-2">
      <input type="hidden" name="complaintId" value={complaintId} />
      <div>
        <Button type="submit" busy={pending}>{t("takeInReview")}</Button>
      </div>
      <p role="status" className="sr-only">{state?.ok ? t("taken") : ""}</p>
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
    </form>
  );
}

/** The answer (on the merits) or a reasoned rejection, with the written text. */
export function AnswerComplaintForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("complaints.handle");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(answerComplaintAction, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const answerError = errors.answer ? tc(errors.answer) : undefined;
  const outcomeError = errors.outcome ? tc(errors.outcome) : undefined;
  if (state?.ok) return <Alert tone="success">{t("done")}</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="complaintId" value={complaintId} />
      <fieldset aria-describedby={outcomeError ? "outcome-error" : undefined}>
        <legend className="mb-2 font-semibold">{t("answerLegend")}</legend>
        {(["ANSWERED", "REJECTED"] as const).map((o) => (
          <div key={o} className="flex items-center gap-2 py-1">
            <input id={`outcome-${o}`} type="radio" name="outcome" value={o} defaultChecked={o === "ANSWERED"} className="h-4 w-4" />
            <label htmlFor={`outcome-${o}`}>{t(`outcomes.${o}`)}</label>
          </div>
        ))}
        {outcomeError ? <p id="outcome-error" className="text-sm font-medium text-red-700">{outcomeError}</p> : null}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="answer" className="font-medium">
          {t("answer")}
          <span aria-hidden="true" className="text-red-700"> *</span>
        </label>
        <p id="answer-hint" className="text-sm text-slate-600">{t("answerHint")}</p>
        <textarea
          id="answer"
          name="answer"
          required
          rows={6}
          maxLength={8000}
          aria-invalid={answerError ? true : undefined}
          aria-describedby={["answer-hint", answerError ? "answer-error" : null].filter(Boolean).join(" ")}
          className="rounded border border-slate-400 bg-white px-3 py-2 aria-invalid:border-red-700"
        />
        {answerError ? <p id="answer-error" className="text-sm font-medium text-red-700">{answerError}</p> : null}
      </div>
      <div>
        <Button type="submit" busy={pending}>{t("submit")}</Button>
      </div>
      {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{tc(state.code)}</Alert> : null}
    </form>
  );
}

/** Extends the answer term once, with notice to the applicant. */
export function ExtendTermForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("complaints");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(extendComplaintAction, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  if (state?.ok) return <Alert tone="success">{t("extendTerm")}</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} className="mt-3 flex flex-col gap-2">
      <input type="hidden" name="complaintId" value={complaintId} />
      <div>
        <Button type="submit" variant="secondary" busy={pending}>{t("extendTerm")}</Button>
      </div>
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
    </form>
  );
}
