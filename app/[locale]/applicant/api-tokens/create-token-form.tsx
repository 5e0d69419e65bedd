"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { createApiTokenAction } from "./actions";

/** Name → create; the new token is shown here once, with a copy button and a warning. */
export function CreateTokenForm() {
  const t = useTranslations("api.tokens");
  const tc = useCodeTranslator();
  const id = useId();
  const [state, formAction, pending] = useActionState(createApiTokenAction, null);
  const created = state?.ok ? state.data : null;
  // The copy outcome belongs to one token: a newly created token starts without it.
  const [copied, setCopied] = useState<{ token: string; ok: boolean } | null>(null);
  const copy = created && copied?.token === created.token ? (copied.ok ? "copied" : "failed") : "idle";
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Move the reader to the one-time token as soon as it is there.
    if (created) resultRef.current?.focus();
  }, [created]);

  async function copyToken(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied({ token, ok: true });
    } catch {
      setCopied({ token, ok: false });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
        <Field
          name="name"
          label={t("nameLabel")}
          hint={t("nameHint")}
          required
          maxLength={100}
          autoComplete="off"
          className="min-w-64 flex-1"
          error={state && !state.ok ? tc(state.fieldErrors?.name ?? state.code) : undefined}
        />
        <Button type="submit" busy={pending}>
          {t("create")}
        </Button>
      </form>

      {created ? (
        <div ref={resultRef} tabIndex={-1} className="outline-none focus-visible:ring-2 focus-visible:ring-brand-700">
          <Alert tone="success" title={t("createdTitle", { name: created.name })}>
            <p className="mt-1 font-medium">{t("createdWarning")}</p>
            <div className="mt-3 flex flex-wrap items-end gap-2">
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <label htmlFor={`${id}-token`} className="text-sm font-medium">
                  {t("tokenLabel")}
                </label>
                <input
                  id={`${id}-token`}
                  readOnly
                  value={created.token}
                  onFocus={(e) => e.currentTarget.select()}
                  aria-describedby={`${id}-usage`}
                  className="w-full rounded border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-slate-900"
                  spellCheck={false}
                />
              </div>
              <Button type="button" variant="secondary" onClick={() => copyToken(created.token)}>
                {t("copy")}
              </Button>
            </div>
            <p id={`${id}-usage`} className="mt-2 text-sm">
              {t("usage")}
            </p>
            <p role="status" className="mt-1 text-sm">
              {copy === "copied" ? t("copied") : copy === "failed" ? t("copyFailed") : ""}
            </p>
          </Alert>
        </div>
      ) : null}
    </div>
  );
}
