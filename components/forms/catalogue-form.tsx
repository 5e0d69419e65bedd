"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { TFieldDescriptor } from "@/lib/catalogue/form-schema";
import { saveDraftAction } from "@/app/[locale]/applicant/applications/[id]/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

type Values = Record<string, string | string[]>;
type Props = { applicationId: string; fields: readonly TFieldDescriptor[]; initial: Values; version: number; readOnly?: boolean };

const AUTOSAVE_MS = 1500;

/**
 * The application form generated from the catalogue (the same descriptors build the server's zod
 * schema). Autosaves shortly after each change and on demand; a save from another tab is detected
 * by the version and reported instead of overwritten.
 */
export function CatalogueForm({ applicationId, fields, initial, version: initialVersion, readOnly }: Props) {
  const t = useTranslations();
  const tc = useCodeTranslator();
  const locale = useLocale() as "kk" | "ru" | "en";
  const [values, setValues] = useState<Values>(initial);
  const [version, setVersion] = useState(initialVersion);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; code?: string; at?: Date }>({ kind: "idle" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const label = (l: TFieldDescriptor["label"]) => (typeof l === "string" ? t(l as never) : l[locale]);

  const save = useCallback(async () => {
    if (!dirty.current || readOnly) return;
    dirty.current = false;
    setStatus({ kind: "saving" });
    const res = await saveDraftAction(null, { applicationId, expectedVersion: version, formData: values });
    if (res.ok) {
      setVersion(res.data.version);
      setErrors({});
      setStatus({ kind: "saved", at: new Date() });
    } else {
      setErrors(res.fieldErrors ?? {});
      setStatus({ kind: "error", code: res.code });
    }
  }, [applicationId, values, version, readOnly]);

  useEffect(() => {
    if (!dirty.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [values, save]);

  const set = (name: string, v: string | string[]) => {
    dirty.current = true;
    setValues((prev) => ({ ...prev, [name]: v }));
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        dirty.current = true;
        void save();
      }}
      className="flex flex-col gap-5"
      noValidate
    >
      {fields.map((f) => {
        const id = `af-${f.name}`;
        const err = errors[f.name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${f.name}.`))?.[1];
        const describedBy = err ? `${id}-error` : undefined;
        const common = { id, name: f.name, disabled: readOnly, "aria-invalid": err ? true : undefined, "aria-describedby": describedBy };
        const value = values[f.name];
        return (
          <div key={f.name} className="flex flex-col gap-1">
            {f.kind === "multiselect" ? (
              <fieldset aria-describedby={describedBy}>
                <legend className="font-medium">
                  {label(f.label)}
                  {f.required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
                </legend>
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  {(f.options ?? []).map((o) => {
                    const list = Array.isArray(value) ? value : [];
                    return (
                      <label key={o.value} className="flex items-start gap-2">
                        <input
                          type="checkbox"
                          className="mt-1"
                          disabled={readOnly}
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
                  {f.required ? <span aria-hidden="true" className="text-red-700"> *</span> : null}
                </label>
                {f.kind === "select" ? (
                  <select {...common} value={typeof value === "string" ? value : ""} onChange={(e) => set(f.name, e.target.value)} className="rounded border border-slate-400 bg-white px-3 py-2">
                    <option value="">—</option>
                    {(f.options ?? []).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label[locale]}
                      </option>
                    ))}
                  </select>
                ) : f.kind === "textarea" ? (
                  <textarea {...common} rows={3} maxLength={f.maxLength} value={typeof value === "string" ? value : ""} onChange={(e) => set(f.name, e.target.value)} className="rounded border border-slate-400 bg-white px-3 py-2" />
                ) : (
                  <input
                    {...common}
                    type={f.kind === "phone" ? "tel" : f.kind === "email" ? "email" : f.kind === "date" ? "date" : "text"}
                    maxLength={f.maxLength}
                    autoComplete={f.kind === "phone" ? "tel" : f.kind === "email" ? "email" : undefined}
                    value={typeof value === "string" ? value : ""}
                    onChange={(e) => set(f.name, e.target.value)}
                    className="rounded border border-slate-400 bg-white px-3 py-2"
                  />
                )}
              </>
            )}
            {err ? (
              <p id={`${id}-error`} className="text-sm font-medium text-red-700">
                {tc(err)}
              </p>
            ) : null}
          </div>
        );
      })}
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" busy={status.kind === "saving"}>
            {t("applications.form.save")}
          </Button>
          <p role="status" aria-live="polite" className="text-sm text-slate-700">
            {status.kind === "saved" ? t("applications.form.saved") : status.kind === "saving" ? t("applications.form.saving") : ""}
          </p>
        </div>
      )}
      {status.kind === "error" && status.code ? <Alert tone="error">{tc(status.code)}</Alert> : null}
    </form>
  );
}
