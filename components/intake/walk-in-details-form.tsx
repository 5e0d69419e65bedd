"use client";

import { startTransition, useActionState, useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/app/_i18n/navigation";
import { recordPaperPackageAction } from "@/app/[locale]/officer/walk-in/actions";
import type { TFieldDescriptor } from "@/lib/catalogue";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

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

const inputClass = "rounded border border-slate-400 bg-white px-3 py-2 aria-invalid:border-red-700";

/**
 * Steps (b) and (c): the officer types the paper application into the catalogue's form and ticks
 * the paper documents handed over. Both are saved together; the server validates the form as at
 * submission.
 */
export function WalkInDetailsForm({ applicationId, fields, initial, slots, present: initialPresent }: Props) {
  const t = useTranslations();
  const ti = useTranslations("intake.details");
  const tc = useCodeTranslator();
  const locale = useLocale() as keyof Localised;
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => initialValues(fields, initial));
  const [present, setPresent] = useState<string[]>(() => [...initialPresent]);
  const [state, formAction, pending] = useActionState(recordPaperPackageAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const label = (l: TFieldDescriptor["label"]) => (typeof l === "string" ? t(l as never) : l[locale]);
  const set = (name: string, v: string | string[]) => setValues((prev) => ({ ...prev, [name]: v }));

  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

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
        {fields.map((f) => {
          const id = `wi-f-${f.name}`;
          const err = errors[f.name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${f.name}.`))?.[1];
          const errorId = `${id}-error`;
          const describedBy = err ? errorId : undefined;
          const value = values[f.name];
          const required = f.required ? (
            <>
              <span aria-hidden="true" className="text-red-700">
                {" "}
                *
              </span>
              <span className="sr-only"> ({ti("required")})</span>
            </>
          ) : null;
          return (
            <div key={f.name} className="flex flex-col gap-1">
              {f.kind === "multiselect" ? (
                <fieldset aria-describedby={describedBy}>
                  <legend className="font-medium">
                    {label(f.label)}
                    {required}
                  </legend>
                  <div className="mt-2 grid gap-2 sm:grid-cols-2">
                    {(f.options ?? []).map((o) => {
                      const list = Array.isArray(value) ? value : [];
                      return (
                        <label key={o.value} className="flex items-start gap-2">
                          <input
                            type="checkbox"
                            className="mt-1"
                            checked={list.includes(o.value)}
                            onChange={(e) => set(f.name, e.target.checked ? [...list, o.value] : list.filter((x) => x !== o.value))}
                          />
                          <span>{o.label[locale]}</span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              ) : (
                <>
                  <label htmlFor={id} className="font-medium">
                    {label(f.label)}
                    {required}
                  </label>
                  {f.kind === "select" ? (
                    <select
                      id={id}
                      value={typeof value === "string" ? value : ""}
                      onChange={(e) => set(f.name, e.target.value)}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={describedBy}
                      className={inputClass}
                    >
                      <option value="">—</option>
                      {(f.options ?? []).map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label[locale]}
                        </option>
                      ))}
                    </select>
                  ) : f.kind === "textarea" ? (
                    <textarea
                      id={id}
                      rows={3}
                      maxLength={f.maxLength}
                      value={typeof value === "string" ? value : ""}
                      onChange={(e) => set(f.name, e.target.value)}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={describedBy}
                      className={inputClass}
                    />
                  ) : (
                    <input
                      id={id}
                      type={f.kind === "phone" ? "tel" : f.kind === "email" ? "email" : f.kind === "date" ? "date" : "text"}
                      maxLength={f.maxLength}
                      value={typeof value === "string" ? value : ""}
                      onChange={(e) => set(f.name, e.target.value)}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={describedBy}
                      className={inputClass}
                    />
                  )}
                </>
              )}
              {err ? (
                <p id={errorId} className="text-sm font-medium text-red-700">
                  {tc(err)}
                </p>
              ) : null}
            </div>
          );
        })}
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
