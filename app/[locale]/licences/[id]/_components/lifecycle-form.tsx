"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resumeLicenceAction, suspendLicenceAction, terminateLicenceAction } from "@/app/[locale]/licences/[id]/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";

const ACTIONS = { suspend: suspendLicenceAction, resume: resumeLicenceAction, terminate: terminateLicenceAction } as const;

/** One lifecycle action (suspend with a period, resume, terminate) with its required reason. */
export function LifecycleForm({ licenceId, kind, today }: { licenceId: string; kind: keyof typeof ACTIONS; today: string }) {
  const t = useTranslations("licences.lifecycle");
  const [state, formAction, pending] = useActionState(ACTIONS[kind] as (typeof ACTIONS)["resume"], null);
  const fe = useFieldErrors(state);
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded border border-slate-200 p-4" aria-labelledby={`lifecycle-${kind}-title`}>
      <h3 id={`lifecycle-${kind}-title`} className="font-semibold">
        {t(`${kind}.title`)}
      </h3>
      {fe.form ? <Alert tone="error">{fe.form}</Alert> : null}
      {state?.ok ? <Alert tone="success">{t("done")}</Alert> : null}
      <input type="hidden" name="licenceId" value={licenceId} />
      <Field name="reason" id={`${kind}-reason`} label={t("reason")} required error={fe.field("reason")} />
      {kind === "suspend" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="from" id="suspend-from" type="date" defaultValue={today} label={t("from")} required error={fe.field("from")} />
          <Field name="to" id="suspend-to" type="date" label={t("to")} required error={fe.field("to")} />
        </div>
      ) : null}
      <div>
        <Button type="submit" variant={kind === "terminate" ? "danger" : "primary"} busy={pending}>
          {t(`${kind}.submit`)}
        </Button>
      </div>
    </form>
  );
}
