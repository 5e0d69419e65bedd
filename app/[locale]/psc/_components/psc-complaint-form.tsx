"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { acceptPscComplaintAction } from "@/app/[locale]/psc/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
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
  const area = "rounded border border-slate-400 px-3 py-2";
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t("application")}</span>
        <select name="applicationId" className={area} required>
          {applications.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t("kind")}</span>
        <select name="kind" className={area}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </select>
      </label>
      <Field id="pc-addressee" name="addressee" label={t("addressee")} defaultValue={t("addresseeDefault")} maxLength={300} required error={fe("addressee")} />
      <Field id="pc-name" name="fullName" label={t("fullName")} maxLength={300} required error={fe("fullName")} />
      <Field id="pc-address" name="postalAddress" label={t("postalAddress")} maxLength={500} required error={fe("postalAddress")} />
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t("body")}</span>
        <textarea name="body" rows={5} maxLength={8000} className={area} required aria-invalid={fe("body") ? true : undefined} />
        {fe("body") ? <span className="text-sm font-medium text-red-700">{fe("body")}</span> : null}
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t("demands")}</span>
        <textarea name="demands" rows={3} maxLength={4000} className={area} required aria-invalid={fe("demands") ? true : undefined} />
        {fe("demands") ? <span className="text-sm font-medium text-red-700">{fe("demands")}</span> : null}
      </label>
      <div>
        <Button type="submit" busy={pending} disabled={applications.length === 0}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
