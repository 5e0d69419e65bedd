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
import { ErrorSummary } from "@/components/ui/error-summary";
import { useSubmitKeepingValues } from "@/components/complaints/use-submit-keeping-values";

const FIELDS = ["identifier", "name", "surname", "givenName", "patronymic", "email", "phone", "password", "passwordConfirm"] as const;

export function RegisterForm() {
  const t = useTranslations("auth.register");
  const tc = useCodeTranslator();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(registerApplicantAction, null);
  const credentials = useRef<{ login: string; password: string } | null>(null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (state?.ok && credentials.current) {
      void signIn("password", { redirect: false, ...credentials.current }).then((res) => {
        // The cabinet greets the new applicant with a success message (GOV.UK confirmation). The
        // answer does not say whether the IIN/BIN was new: if signing in with the chosen password
        // fails, the sign-in page explains both cases in one neutral sentence.
        if (res?.ok) {
          router.replace("/applicant?registered=1");
          router.refresh();
        } else router.replace("/sign-in?afterRegistration=1");
      });
    }
  }, [state, router]);

  const dispatch = (fd: FormData) => {
    credentials.current = { login: String(fd.get("identifier") ?? ""), password: String(fd.get("password") ?? "") };
    formAction(fd);
  };
  // Submitted without a reset so a typo does not cost the whole form (React 19 resets after `action`).
  const onSubmit = useSubmitKeepingValues(dispatch);
  const summary = FIELDS.filter((f) => fe[f]).map((f) => ({ href: `#f-${f}`, text: `${t(f)}: ${tc(fe[f])}` }));

  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-2"
      noValidate
    >
      {state && !state.ok ? (
        <div className="sm:col-span-2">
          {summary.length ? <ErrorSummary title={t("errorSummary")} items={summary} /> : <Alert tone="error">{tc(state.code)}</Alert>}
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
