"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TFieldDescriptor } from "@/lib/law/catalogue/form-schema";
import { saveDraftAction } from "@/app/[locale]/applicant/applications/[id]/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { CatalogueField, fieldError } from "@/components/forms/catalogue-field";

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
  const [values, setValues] = useState<Values>(initial);
  const [version, setVersion] = useState(initialVersion);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; code?: string; at?: Date }>({ kind: "idle" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

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
      {fields.map((f) => (
        <CatalogueField key={f.name} field={f} idPrefix="af-" value={values[f.name]} error={fieldError(errors, f.name)} onChange={(v) => set(f.name, v)} disabled={readOnly} />
      ))}
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
