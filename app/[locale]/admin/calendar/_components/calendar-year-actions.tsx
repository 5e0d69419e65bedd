"use client";

import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/components/i18n/navigation";
import { addCalendarYearAction, regenerateCalendarYearAction } from "@/app/[locale]/admin/calendar/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { Field } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";

/** Adds a calendar year (filled from the national data when they cover it). */
export function AddYearForm({ suggested, coverage }: { suggested: number; coverage: { from: number; to: number } }) {
  const t = useTranslations("admin.calendar");
  const [state, formAction, pending] = useActionState(addCalendarYearAction, null);
  const fe = useFieldErrors(state);
  return (
    <ActionForm onData={(fd) => formAction({ year: String(fd.get("year") ?? "") })} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      {state?.ok ? (
        <Alert tone="success">
          {t(state.data.source === "national" ? "addedNational" : "addedEmpty", { year: state.data.year })}{" "}
          <Link href={`/admin/calendar/${state.data.year}`} className="font-semibold underline underline-offset-4">
            {t("editYear", { year: state.data.year })}
          </Link>
        </Alert>
      ) : null}
      {fe.form && !fe.has ? <Alert tone="error">{fe.form}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field id="cal-year" name="year" type="number" inputMode="numeric" min={2000} max={2100} label={t("year")} defaultValue={String(suggested)} required error={fe.field("year")} className="w-40" />
        <Button type="submit" busy={pending}>
          {t("add")}
        </Button>
      </div>
      <p className="text-sm text-slate-700">{t("addHint", { from: coverage.from, to: coverage.to })}</p>
    </ActionForm>
  );
}

/** Replaces the year's lists with the national data, after an explicit confirmation. */
export function RegenerateYearForm({ year }: { year: number }) {
  const t = useTranslations("admin.calendar");
  const [state, formAction, pending] = useActionState(regenerateCalendarYearAction, null);
  const [confirming, setConfirming] = useState(false);
  const fe = useFieldErrors(state);
  return (
    <div className="flex flex-col gap-3">
      <p>{t("regenerateHint", { year })}</p>
      {state?.ok ? <Alert tone="success">{t("regenerated")}</Alert> : null}
      {fe.form ? <Alert tone="error">{fe.form}</Alert> : null}
      {confirming ? (
        <ConfirmStep
          id="regen-confirm"
          tone="warning"
          question={t("regenerateConfirm", { year })}
          confirmLabel={t("regenerateYes")}
          cancelLabel={t("cancel")}
          onConfirm={() => {
            setConfirming(false);
            startTransition(() => formAction({ year }));
          }}
          onCancel={() => setConfirming(false)}
          busy={pending}
        />
      ) : (
        <div>
          <Button type="button" variant="secondary" busy={pending} onClick={() => setConfirming(true)}>
            {t("regenerate")}
          </Button>
        </div>
      )}
    </div>
  );
}
