"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { fieldIssues, schemaForFields, type TFieldDescriptor } from "@/lib/law/catalogue/form-schema";
import { useRouter } from "@/components/i18n/navigation";
import { ErrorSummary } from "@/components/ui/error-summary";
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
 * schema). Autosaves shortly after each change, on leaving a field and on demand; a save from another
 * tab is detected by the version and reported instead of overwritten. Before sending, the browser
 * runs the very draft schema the server runs (schemaForFields), so an invalid value (`office@`) gets
 * its field message at once and is never reported as "Saved". After a save the page's server parts
 * (step marks, the signing checklist) are refreshed.
 */
export function CatalogueForm({ applicationId, fields, initial, version: initialVersion, readOnly }: Props) {
  const t = useTranslations();
  const tc = useCodeTranslator();
  const locale = useLocale() as "kk" | "ru" | "en";
  const router = useRouter();
  const [values, setValues] = useState<Values>(initial);
  // Saves run one at a time on the latest values and version: a save started while another is in
  // flight (typing, then leaving the field) would otherwise send a stale version and be refused
  // as "changed on another page".
  const version = useRef(initialVersion);
  const latest = useRef<Values>(initial);
  const inFlight = useRef<Promise<void> | null>(null);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "invalid" | "error"; code?: string; at?: Date; explicit?: boolean }>({ kind: "idle" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = useCallback(
    async (explicit = false) => {
      while (inFlight.current) await inFlight.current;
      if (!dirty.current || readOnly) return;
      dirty.current = false;
      const formData = latest.current;
      const local = schemaForFields(fields, "draft").safeParse(formData);
      if (!local.success) {
        setErrors(fieldIssues(local.error));
        setStatus({ kind: "invalid", explicit });
        return;
      }
      setStatus({ kind: "saving" });
      const run = (async () => {
        const res = await saveDraftAction(null, { applicationId, expectedVersion: version.current, formData });
        if (res.ok) {
          version.current = res.data.version;
          setErrors({});
          setStatus({ kind: "saved", at: new Date() });
          router.refresh();
        } else {
          setErrors(res.fieldErrors ?? {});
          setStatus({ kind: res.code === "validation.failed" ? "invalid" : "error", code: res.code, explicit });
        }
      })();
      inFlight.current = run;
      try {
        await run;
      } finally {
        if (inFlight.current === run) inFlight.current = null;
      }
    },
    [applicationId, readOnly, fields, router],
  );

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
    latest.current = { ...latest.current, [name]: v };
    setValues(latest.current);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        dirty.current = true;
        void save(true);
      }}
      onBlur={() => {
        if (!dirty.current) return;
        if (timer.current) clearTimeout(timer.current);
        void save();
      }}
      className="flex flex-col gap-5"
      noValidate
    >
      <ErrorSummary
        title={t("applications.form.notSavedTitle")}
        focusOnShow={status.kind === "invalid" && status.explicit === true}
        items={fields
          .map((f) => ({ f, code: fieldError(errors, f.name) }))
          .filter((x): x is { f: TFieldDescriptor; code: string } => Boolean(x.code))
          .map(({ f, code }) => ({ href: `#af-${f.name}`, text: `${typeof f.label === "string" ? t(f.label as never) : f.label[locale]}: ${tc(code)}` }))}
      />
      {fields.map((f) => (
        <CatalogueField key={f.name} field={f} idPrefix="af-" value={values[f.name]} error={fieldError(errors, f.name)} onChange={(v) => set(f.name, v)} disabled={readOnly} />
      ))}
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" busy={status.kind === "saving"}>
            {t("applications.form.save")}
          </Button>
          <p role="status" aria-live="polite" className="text-sm text-slate-700">
            {status.kind === "saved"
              ? t("applications.form.saved")
              : status.kind === "saving"
                ? t("applications.form.saving")
                : status.kind === "invalid"
                  ? t("applications.form.notSaved")
                  : ""}
          </p>
        </div>
      )}
      {status.kind === "error" && status.code ? <Alert tone="error">{tc(status.code)}</Alert> : null}
    </form>
  );
}
