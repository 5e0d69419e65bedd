"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { fileComplaintAction } from "@/app/[locale]/applicant/complaints/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-parts";
import { SelectField } from "@/components/ui/select-field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { useSubmitKeepingValues } from "@/components/complaints/use-submit-keeping-values";

type Option = { value: string; label: string };
export type TComplaintFormProps = {
  kinds: readonly string[];
  applications: (Option & { organisationId: string })[];
  organisations: Option[];
  officers: (Option & { organisationId: string | null })[];
  defaults: { applicationId?: string; fullName: string; postalAddress: string; addressee: string };
};

/** The complaint form of the standard; errors are tied to their fields, the ticket opens on success. */
export function ComplaintForm({ kinds, applications, organisations, officers, defaults }: TComplaintFormProps) {
  const t = useTranslations("complaints.form");
  const tk = useTranslations("complaints.kinds");
  const tr = useTranslations("complaints");
  const tc = useCodeTranslator();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(fileComplaintAction, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  const [applicationId, setApplicationId] = useState(defaults.applicationId ?? "");
  const orgOfApp = applications.find((a) => a.value === applicationId)?.organisationId;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (name: string) => (errors[name] ? tc(errors[name]) : undefined);

  useEffect(() => {
    if (state?.ok) router.push(`/applicant/complaints/${state.data.id}`);
  }, [state, router]);

  const errorText = (name: string) => <FieldError id={`c-${name}-error`}>{err(name)}</FieldError>;
  const text = (name: string, o: { required?: boolean; hint?: boolean; rows?: number; defaultValue?: string; maxLength: number }) => {
    const props = {
      id: `c-${name}`,
      name,
      label: t(name),
      hint: o.hint ? t(`${name}Hint`) : undefined,
      required: o.required,
      maxLength: o.maxLength,
      defaultValue: o.defaultValue,
      error: err(name),
    };
    return o.rows ? <TextAreaField {...props} rows={o.rows} /> : <Field {...props} />;
  };

  return (
    <form action={formAction} onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-5" noValidate>
      <p className="text-sm text-slate-700">{t("required")}</p>
      <fieldset aria-describedby={err("kind") ? "c-kind-error" : undefined}>
        <legend className="mb-2 font-semibold">
          {t("kindLegend")}
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        </legend>
        {kinds.map((k, i) => (
          <div key={k} className="flex items-start gap-2 py-1">
            <input
              id={`c-kind-${k}`}
              type="radio"
              name="kind"
              value={k}
              defaultChecked={i === 0}
              className="mt-1 h-4 w-4"
              aria-describedby={`c-kind-${k}-hint`}
            />
            <label htmlFor={`c-kind-${k}`}>
              {tk(k)}
              <span id={`c-kind-${k}-hint`} className="block text-sm text-slate-600">
                {t(`kindHints.${k}`)}
              </span>
            </label>
          </div>
        ))}
        {errorText("kind")}
      </fieldset>
      <SelectField
        id="c-application"
        name="applicationId"
        label={t("application")}
        value={applicationId}
        onChange={(e) => setApplicationId(e.target.value)}
        placeholder={t("noApplication")}
        options={applications}
        error={err("applicationId")}
      />
      {applicationId ? (
        <input type="hidden" name="organisationId" value={orgOfApp ?? ""} />
      ) : (
        <SelectField
          id="c-organisation"
          name="organisationId"
          label={t("organisation")}
          markRequired
          hint={t("organisationHint")}
          defaultValue=""
          placeholder={t("chooseOrganisation")}
          options={organisations}
          error={err("organisationId")}
        />
      )}
      <SelectField
        id="c-officer"
        name="officerId"
        label={t("officer")}
        hint={t("officerHint")}
        defaultValue=""
        placeholder={t("noOfficer")}
        options={officers.filter((o) => !orgOfApp || o.organisationId === orgOfApp)}
        error={err("officerId")}
      />
      {text("addressee", { required: true, hint: true, defaultValue: defaults.addressee, maxLength: 300 })}
      {text("fullName", { required: true, defaultValue: defaults.fullName, maxLength: 300 })}
      {text("postalAddress", { required: true, defaultValue: defaults.postalAddress, maxLength: 500 })}
      {text("official", { hint: true, maxLength: 300 })}
      {text("body", { required: true, hint: true, rows: 6, maxLength: 8000 })}
      {text("demands", { required: true, hint: true, rows: 4, maxLength: 4000 })}
      <fieldset>
        <legend className="mb-2 font-semibold">{tr("answerChannel")}</legend>
        {(["portal", "email", "post"] as const).map((ch, i) => (
          <div key={ch} className="flex items-center gap-2 py-1">
            <input id={`c-answer-${ch}`} type="radio" name="answerChannel" value={ch} defaultChecked={i === 0} className="h-4 w-4" />
            <label htmlFor={`c-answer-${ch}`}>{tr(`answerChannels.${ch}`)}</label>
          </div>
        ))}
        {errorText("answerChannel")}
      </fieldset>
      <p className="text-sm text-slate-700">{t("legalNote")}</p>
      <div>
        <Button type="submit" busy={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
      {state && !state.ok ? <Alert tone="error">{tc(state.fieldErrors ? "validation.failed" : state.code)}</Alert> : null}
      <p role="status" className="sr-only">
        {state?.ok ? t("filed", { ticket: state.data.ticketNumber }) : ""}
      </p>
    </form>
  );
}
