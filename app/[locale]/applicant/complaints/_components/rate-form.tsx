"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { rateComplaintAction } from "@/app/[locale]/applicant/complaints/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { useSubmitKeepingValues } from "@/components/complaints/use-submit-keeping-values";

/** The final question of the appeal procedure (1 not satisfied … 3 satisfied). */
export function RateComplaintForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("complaints.rate");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(rateComplaintAction, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  if (state?.ok) return <Alert tone="success">{t("thanks")}</Alert>;
  const error = state && !state.ok ? tc(state.fieldErrors?.satisfied ?? state.code) : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="complaintId" value={complaintId} />
      <fieldset aria-describedby={error ? "rate-error" : undefined}>
        <legend className="mb-2 font-semibold">{t("legend")}</legend>
        {[3, 2, 1].map((v) => (
          <div key={v} className="flex items-center gap-2 py-1">
            <input id={`rate-${v}`} type="radio" name="satisfied" value={v} required className="h-4 w-4" />
            <label htmlFor={`rate-${v}`}>{t(`options.${v}`)}</label>
          </div>
        ))}
      </fieldset>
      {error ? <p id="rate-error" role="alert" className="text-sm font-medium text-red-700">{error}</p> : null}
      <div>
        <Button type="submit" busy={pending}>{t("submit")}</Button>
      </div>
    </form>
  );
}
