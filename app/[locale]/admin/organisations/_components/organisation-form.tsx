"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { updateOrganisationAction } from "@/app/[locale]/admin/organisations/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { HoursFieldset, readHours, type HoursValue } from "@/components/admin/hours-fieldset";
import { useFieldErrors } from "@/components/ui/use-field-errors";

export type OrganisationFormValues = {
  id: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  addressKk: string | null;
  addressRu: string | null;
  addressEn: string | null;
  phone: string | null;
  email: string | null;
  workingHours: HoursValue | null;
  receptionHours: HoursValue | null;
  updatedAt: string;
};

/** Names kk/ru/en, address, contacts, working and reception hours of one organisation. */
export function OrganisationForm({ org }: { org: OrganisationFormValues }) {
  const t = useTranslations("admin.organisation");
  const [state, formAction, pending] = useActionState(updateOrganisationAction, null);
  const [receptionAllDay, setReceptionAllDay] = useState(org.receptionHours === null);
  const fe = useFieldErrors(state);
  const text = (name: keyof OrganisationFormValues, opts: { required?: boolean; type?: string; autoComplete?: string } = {}) => (
    <Field name={name} label={t(name)} defaultValue={(org[name] as string | null) ?? ""} required={opts.required} type={opts.type} autoComplete={opts.autoComplete ?? "off"} error={fe.field(name)} />
  );

  return (
    <ActionForm
      onData={(fd) => {
        const value = (k: string) => String(fd.get(k) ?? "");
        formAction({
          id: org.id,
          nameKk: value("nameKk"),
          nameRu: value("nameRu"),
          nameEn: value("nameEn"),
          addressKk: value("addressKk"),
          addressRu: value("addressRu"),
          addressEn: value("addressEn"),
          phone: value("phone"),
          email: value("email"),
          workingHours: readHours(fd, "workingHours"),
          receptionHours: receptionAllDay ? null : readHours(fd, "receptionHours"),
          expectedUpdatedAt: org.updatedAt,
        });
      }}
      className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      {fe.form ? <Alert tone="error">{fe.form}</Alert> : null}
      {state?.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 font-semibold">{t("names")}</legend>
        {text("nameKk", { required: true })}
        {text("nameRu", { required: true })}
        {text("nameEn", { required: true })}
        {text("addressKk")}
        {text("addressRu")}
        {text("addressEn")}
        {text("phone", { type: "tel" })}
        {text("email", { type: "email" })}
      </fieldset>
      <HoursFieldset name="workingHours" legend={t("workingHours")} initial={org.workingHours} error={fe.field} />
      <div className="flex flex-col gap-3">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={receptionAllDay} onChange={(e) => setReceptionAllDay(e.target.checked)} className="h-4 w-4" />
          {t("receptionAllDay")}
        </label>
        {receptionAllDay ? null : <HoursFieldset name="receptionHours" legend={t("receptionHours")} initial={org.receptionHours ?? org.workingHours} error={fe.field} />}
      </div>
      <p className="text-sm text-slate-700">{t("hoursHint")}</p>
      <Alert tone="info">{t("deadlinesNote")}</Alert>
      <div>
        <Button type="submit" busy={pending}>
          {t("save")}
        </Button>
      </div>
    </ActionForm>
  );
}
