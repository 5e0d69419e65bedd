"use client";

import { startTransition, useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { recordPaperPackageAction } from "@/app/[locale]/officer/walk-in/actions";
import type { TFieldDescriptor } from "@/lib/law/catalogue";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { CatalogueField, fieldError } from "@/components/forms/catalogue-field";
import { useRefreshOnSuccess } from "@/components/ui/use-refresh-on-success";

type Localised = { kk: string; ru: string; en: string };
type Values = Record<string, string | string[]>;
type Slot = { key: string; label: Localised; required: boolean; hint?: Localised };

type Props = {
  applicationId: string;
  fields: readonly TFieldDescriptor[];
  initial: Record<string, unknown>;
  slots: readonly Slot[];
  present: readonly string[];
};

function initialValues(fields: readonly TFieldDescriptor[], initial: Record<string, unknown>): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = initial[f.name];
    if (f.kind === "multiselect") out[f.name] = Array.isArray(v) ? v.map(String) : f.defaultValue ? [...f.defaultValue] : [];
    else out[f.name] = typeof v === "string" ? v : typeof f.defaultValue === "string" ? f.defaultValue : "";
  }
  return out;
}

/**
 * Steps (b) and (c): the officer types the paper application into the catalogue's form and ticks
 * the paper documents handed over. Both are saved together; the server validates the form as at
 * submission.
 */
export function WalkInDetailsForm({ applicationId, fields, initial, slots, present: initialPresent }: Props) {
  const ti = useTranslations("intake.details");
  const tc = useCodeTranslator();
  const locale = useLocale() as keyof Localised;
  const [values, setValues] = useState<Values>(() => initialValues(fields, initial));
  const [present, setPresent] = useState<string[]>(() => [...initialPresent]);
  const [state, formAction, pending] = useActionState(recordPaperPackageAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const set = (name: string, v: string | string[]) => setValues((prev) => ({ ...prev, [name]: v }));

  useRefreshOnSuccess(state);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // Empty answers are left out so that the server reports them as missing, not as malformed.
        const formData = Object.fromEntries(Object.entries(values).filter(([, v]) => (Array.isArray(v) ? true : v.trim() !== "")));
        startTransition(() => formAction({ applicationId, present, formData }));
      }}
      className="flex flex-col gap-6"
    >
      <fieldset className="flex flex-col gap-5">
        <legend className="mb-2 text-lg font-semibold">{ti("formTitle")}</legend>
        {fields.map((f) => (
          <CatalogueField key={f.name} field={f} idPrefix="wi-f-" value={values[f.name]} error={fieldError(errors, f.name)} onChange={(v) => set(f.name, v)} />
        ))}
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-lg font-semibold">{ti("paperTitle")}</legend>
        <p className="text-sm text-slate-700">{ti("paperHint")}</p>
        {slots.map((s) => (
          <label key={s.key} className="flex items-start gap-2 rounded border border-slate-200 px-3 py-2">
            <input
              type="checkbox"
              className="mt-1"
              name="present"
              value={s.key}
              checked={present.includes(s.key)}
              onChange={(e) => setPresent((prev) => (e.target.checked ? [...prev, s.key] : prev.filter((k) => k !== s.key)))}
            />
            <span>
              {s.label[locale]}
              {s.required ? (
                <>
                  <span aria-hidden="true" className="text-red-700">
                    {" "}
                    *
                  </span>
                  <span className="sr-only"> ({ti("required")})</span>
                </>
              ) : (
                <span className="ml-1 text-sm text-slate-600">({ti("optional")})</span>
              )}
              {s.hint ? <span className="block text-sm text-slate-600">{s.hint[locale]}</span> : null}
            </span>
          </label>
        ))}
      </fieldset>

      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" busy={pending}>
          {ti("save")}
        </Button>
        <p role="status" className="text-sm text-slate-700">
          {state?.ok && !pending ? ti("saved") : ""}
        </p>
      </div>
    </form>
  );
}
