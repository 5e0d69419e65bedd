"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

export function SignInForm() {
  const t = useTranslations("auth");
  const tc = useCodeTranslator();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn("password", { redirect: false, login: String(fd.get("login") ?? ""), password: String(fd.get("password") ?? "") });
    if (!res || res.error) {
      setBusy(false);
      setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "auth.invalid_credentials");
      return;
    }
    router.replace("/me");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      {error ? <Alert tone="error">{tc(error)}</Alert> : null}
      <Field name="login" label={t("signIn.login")} hint={t("signIn.loginHint")} autoComplete="username" required />
      <Field name="password" type="password" label={t("signIn.password")} autoComplete="current-password" required />
      <Button type="submit" busy={busy}>
        {t("signIn.submit")}
      </Button>
    </form>
  );
}
