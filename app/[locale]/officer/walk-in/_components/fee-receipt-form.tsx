"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { recordWalkInReceiptAction } from "@/app/[locale]/officer/walk-in/actions";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { useRefreshOnSuccess } from "@/components/ui/use-refresh-on-success";
import { ActionForm } from "@/components/ui/action-form";

type Props = { applicationId: string; defaultAmountKzt: number | null; today: string };

/** Step (d): the bank receipt the applicant brought — number, amount (the catalogue fee), day paid. */
export function FeeReceiptForm({ applicationId, defaultAmountKzt, today }: Props) {
  const t = useTranslations("intake.fee");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(recordWalkInReceiptAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (k: string) => (errors[k] ? tc(errors[k]) : undefined);

  useRefreshOnSuccess(state);

  return (
    <ActionForm onData={(fd) => formAction(fd)} className="flex flex-col gap-4">
      <input type="hidden" name="applicationId" value={applicationId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="wi-receipt-number" name="receiptNumber" label={t("receiptNumber")} maxLength={64} autoComplete="off" required error={err("receiptNumber")} />
        <Field
          id="wi-receipt-amount"
          name="amountKzt"
          label={t("amount")}
          hint={t("amountHint")}
          inputMode="numeric"
          defaultValue={defaultAmountKzt ?? undefined}
          required
          error={err("amountKzt")}
        />
        <Field
          id="wi-receipt-date"
          name="paidOn"
          type="date"
          label={t("paidOn")}
          defaultValue={today}
          max={today}
          required
          error={err("paidOn") ?? err("paidAt")}
        />
      </div>
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      <div>
        <Button type="submit" busy={pending}>
          {t("record")}
        </Button>
      </div>
    </ActionForm>
  );
}
