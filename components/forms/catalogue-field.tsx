"use client";

import { useLocale, useTranslations } from "next-intl";
import type { TFieldDescriptor } from "@/lib/law/catalogue/form-schema";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

export type FieldValue = string | string[];

type Props = {
  field: TFieldDescriptor;
  value: FieldValue | undefined;
  /** Error code of this field (or of one of its items), translated here. */
  error?: string;
  onChange: (value: FieldValue) => void;
  /** Prefix of the element ids: `${idPrefix}${field.name}`, error `…-error`. */
  idPrefix: string;
  disabled?: boolean;
};

const INPUT = "rounded border border-slate-400 bg-white px-3 py-2 aria-invalid:border-red-700";

/**
 * One field of a catalogue-driven form (the same descriptors build the server's zod schema), with
 * its label, required mark, and error tied by aria-describedby. Used by the applicant's wizard and
 * the officer's walk-in intake.
 */
export function CatalogueField({ field: f, value, error, onChange, idPrefix, disabled }: Props) {
  const t = useTranslations();
  const tc = useCodeTranslator();
  const locale = useLocale() as "kk" | "ru" | "en";
  const id = `${idPrefix}${f.name}`;
  const describedBy = error ? `${id}-error` : undefined;
  const label = typeof f.label === "string" ? t(f.label as never) : f.label[locale];
  const required = f.required ? (
    <>
      <span aria-hidden="true" className="text-red-700">
        {" "}
        *
      </span>
      <span className="sr-only"> ({t("validation.required")})</span>
    </>
  ) : null;
  const common = { id, disabled, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: INPUT };
  const text = typeof value === "string" ? value : "";
  return (
    <div className="flex flex-col gap-1">
      {f.kind === "multiselect" ? (
        <fieldset id={id} aria-describedby={describedBy}>
          <legend className="font-medium">
            {label}
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
                    disabled={disabled}
                    checked={list.includes(o.value)}
                    onChange={(e) => onChange(e.target.checked ? [...list, o.value] : list.filter((x) => x !== o.value))}
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
            {label}
            {required}
          </label>
          {f.kind === "select" ? (
            <select {...common} name={f.name} value={text} onChange={(e) => onChange(e.target.value)}>
              <option value="">—</option>
              {(f.options ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label[locale]}
                </option>
              ))}
            </select>
          ) : f.kind === "textarea" ? (
            <textarea {...common} name={f.name} rows={3} maxLength={f.maxLength} value={text} onChange={(e) => onChange(e.target.value)} />
          ) : (
            <input
              {...common}
              name={f.name}
              type={f.kind === "phone" ? "tel" : f.kind === "email" ? "email" : f.kind === "date" ? "date" : "text"}
              maxLength={f.maxLength}
              autoComplete={f.kind === "phone" ? "tel" : f.kind === "email" ? "email" : undefined}
              value={text}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {tc(error)}
        </p>
      ) : null}
    </div>
  );
}

/** The error of a field or of one of its items ("activitySubtypes.0"). */
export function fieldError(errors: Record<string, string>, name: string): string | undefined {
  return errors[name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1];
}
