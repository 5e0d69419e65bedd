"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { answerComplaintAction, extendComplaintAction, takeComplaintAction } from "@/app/[locale]/supervisor/complaints/actions";
import type { ActionResult } from "@/app/_server/action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { useSubmitKeepingValues } from "@/components/complaints/use-submit-keeping-values";

/**
 * One button on one complaint: its form, the pending state and the refusal. After success `done`
 * replaces the form, or `announce` is said to screen readers (the page itself re-renders).
 */
function ComplaintButtonForm<R>({
  complaintId,
  action,
  label,
  variant,
  done,
  announce,
  className,
}: {
  complaintId: string;
  action: (prev: ActionResult<R> | null, form: FormData) => Promise<ActionResult<R>>;
  label: string;
  variant?: "secondary";
  done?: string;
  announce?: string;
  className: string;
}) {
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  if (state?.ok && done) return <Alert tone="success">{done}</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} className={className}>
      <input type="hidden" name="complaintId" value={complaintId} />
      <div>
        <Button type="submit" variant={variant} busy={pending}>
          {label}
        </Button>
      </div>
      {announce !== undefined ? (
        <p role="status" className="sr-only">
          {state?.ok ? announce : ""}
        </p>
      ) : null}
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
    </form>
  );
}

/** "Take in review" for a registered complaint (the page re-renders with the answer form). */
export function TakeInReviewForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("complaints.handle");
  return (
    <ComplaintButtonForm
      complaintId={complaintId}
      action={takeComplaintAction}
      label={t("takeInReview")}
      announce={t("taken")}
      className="flex flex-col gap-2"
    />
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
        {outcomeError ? (
          <p id="outcome-error" className="text-sm font-medium text-red-700">
            {outcomeError}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField id="answer" name="answer" label={t("answer")} hint={t("answerHint")} required rows={6} maxLength={8000} error={answerError} />
      <div>
        <Button type="submit" busy={pending}>
          {t("submit")}
        </Button>
      </div>
      {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{tc(state.code)}</Alert> : null}
    </form>
  );
}

/** Extends the answer term once, with notice to the applicant. */
export function ExtendTermForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("complaints");
  return (
    <ComplaintButtonForm
      complaintId={complaintId}
      action={extendComplaintAction}
      label={t("extendTerm")}
      variant="secondary"
      done={t("extendTerm")}
      className="mt-3 flex flex-col gap-2"
    />
  );
}
