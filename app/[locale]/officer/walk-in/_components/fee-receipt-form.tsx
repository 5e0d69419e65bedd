"use client";

import { startTransition, useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { recordWalkInReceiptAction } from "@/app/[locale]/officer/walk-in/actions";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

type Props = { applicationId: string; defaultAmountKzt: number | null; today: string };

/** Step (d): the bank receipt the applicant brought — number, amount (the catalogue fee), day paid. */
export function FeeReceiptForm({ applicationId, defaultAmountKzt, today }: Props) {
  const t = useTranslations("intake.fee");
  const tc = useCodeTranslator();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(recordWalkInReceiptAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (k: string) => (errors[k] ? tc(errors[k]) : undefined);

  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        startTransition(() => formAction(fd));
      }}
      className="flex flex-col gap-4"
    >
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
    </form>
  );
}
