"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { acceptPscComplaintAction } from "@/app/[locale]/psc/actions";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

const KINDS = ["COURTESY", "IMPROPER_SERVICE", "RESULT_DISAGREEMENT"] as const;

/** The operator enters the paper complaint; the answer goes by post unless the applicant asks otherwise [004 L395-396]. */
export function PscComplaintForm({ applications }: { applications: { id: string; label: string }[] }) {
  const t = useTranslations("psc.complaintForm");
  const tk = useTranslations("complaints.kinds");
  const tc = useCodeTranslator();
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(acceptPscComplaintAction, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title={t("registered", { number: state.data.ticketNumber })}>
        <p>
          <a href={`/api/psc/complaints/${state.data.id}/receipt?locale=${locale}`} className="font-semibold underline" target="_blank" rel="noopener">
            {t("receipt")}
          </a>
        </p>
      </Alert>
    );
  }
  const fe = (k: string) => (state && !state.ok && state.fieldErrors?.[k] ? tc(state.fieldErrors[k]!) : undefined);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      <SelectField
        id="pc-application"
        name="applicationId"
        label={t("application")}
        options={applications.map((a) => ({ value: a.id, label: a.label }))}
        required
        error={fe("applicationId")}
      />
      <SelectField id="pc-kind" name="kind" label={t("kind")} options={KINDS.map((k) => ({ value: k, label: tk(k) }))} error={fe("kind")} />
      <Field id="pc-addressee" name="addressee" label={t("addressee")} defaultValue={t("addresseeDefault")} maxLength={300} required error={fe("addressee")} />
      <Field id="pc-name" name="fullName" label={t("fullName")} maxLength={300} required error={fe("fullName")} />
      <Field id="pc-address" name="postalAddress" label={t("postalAddress")} maxLength={500} required error={fe("postalAddress")} />
      <TextAreaField id="pc-body" name="body" label={t("body")} rows={5} maxLength={8000} required error={fe("body")} />
      <TextAreaField id="pc-demands" name="demands" label={t("demands")} rows={3} maxLength={4000} required error={fe("demands")} />
      <div>
        <Button type="submit" busy={pending} disabled={applications.length === 0}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
