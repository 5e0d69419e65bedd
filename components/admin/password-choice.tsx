"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/** "Generate a password (shown once)" or "set it myself" (at least 10 characters). */
export function PasswordChoice({ idPrefix, error }: { idPrefix: string; error?: string }) {
  const t = useTranslations("admin.officer");
  const [mode, setMode] = useState<"generate" | "set">("generate");
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="font-medium">{t("password")}</legend>
      <label className="flex items-center gap-2">
        <input type="radio" name="passwordMode" value="generate" checked={mode === "generate"} onChange={() => setMode("generate")} />
        {t("passwordGenerate")}
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name="passwordMode" value="set" checked={mode === "set"} onChange={() => setMode("set")} />
        {t("passwordSet")}
      </label>
      {mode === "set" ? <Field id={`${idPrefix}-password`} name="password" type="password" label={t("passwordField")} hint={t("passwordHint")} autoComplete="new-password" required error={error} /> : null}
    </fieldset>
  );
}

/** Shows a generated password once, with the advice to hand it over in person. */
export function GeneratedPassword({ password }: { password: string }) {
  const t = useTranslations("admin.officer");
  return (
    <div className="mt-2">
      <p>{t("generatedPassword")}</p>
      <p className="mt-1 select-all rounded border border-slate-300 bg-white px-3 py-2 font-mono text-lg tracking-wide" data-testid="generated-password">
        {password}
      </p>
    </div>
  );
}
