"use client";

import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/components/i18n/navigation";
import { registerApplicantAction } from "@/app/[locale]/(auth)/register/actions";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

export function RegisterForm() {
  const t = useTranslations("auth.register");
  const tc = useCodeTranslator();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(registerApplicantAction, null);
  const credentials = useRef<{ login: string; password: string } | null>(null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (state?.ok && credentials.current) {
      void signIn("password", { redirect: false, ...credentials.current }).then(() => {
        router.replace("/applicant");
        router.refresh();
      });
    }
  }, [state, router]);

  return (
    <form
      action={(fd) => {
        credentials.current = { login: String(fd.get("identifier") ?? ""), password: String(fd.get("password") ?? "") };
        formAction(fd);
      }}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-2"
      noValidate
    >
      {state && !state.ok ? (
        <div className="sm:col-span-2">
          <Alert tone="error">{tc(state.code)}</Alert>
        </div>
      ) : null}
      <fieldset className="sm:col-span-2">
        <legend className="font-medium">{t("kind")}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(["LEGAL_ENTITY", "INDIVIDUAL_ENTREPRENEUR", "INDIVIDUAL"] as const).map((k, i) => (
            <label key={k} className="flex items-center gap-2">
              <input type="radio" name="kind" value={k} defaultChecked={i === 0} />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field name="identifier" label={t("identifier")} hint={t("identifierHint")} inputMode="numeric" maxLength={12} required error={tc(fe.identifier)} />
      <Field name="name" label={t("name")} required error={tc(fe.name)} />
      <Field name="surname" label={t("surname")} required autoComplete="family-name" error={tc(fe.surname)} />
      <Field name="givenName" label={t("givenName")} required autoComplete="given-name" error={tc(fe.givenName)} />
      <Field name="patronymic" label={t("patronymic")} autoComplete="additional-name" error={tc(fe.patronymic)} />
      <Field name="email" type="email" label={t("email")} required autoComplete="email" error={tc(fe.email)} />
      <Field name="phone" type="tel" label={t("phone")} required autoComplete="tel" placeholder="+7 701 000 00 00" error={tc(fe.phone)} />
      <Field name="password" type="password" label={t("password")} hint={t("passwordHint")} required autoComplete="new-password" error={tc(fe.password)} />
      <Field name="passwordConfirm" type="password" label={t("passwordConfirm")} required autoComplete="new-password" error={tc(fe.passwordConfirm)} />
      <div className="sm:col-span-2">
        <Button type="submit" busy={pending || state?.ok}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
