"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resetOfficerPasswordAction } from "@/app/[locale]/admin/officers/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { GeneratedPassword, PasswordChoice } from "@/components/admin/password-choice";
import { useFieldErrors } from "@/components/ui/use-field-errors";

/** Sets a new password for an officer: generated (shown once) or typed by the administrator. */
export function ResetPasswordForm({ id }: { id: string }) {
  const t = useTranslations("admin.officer");
  const [state, formAction, pending] = useActionState(resetOfficerPasswordAction, null);
  const fe = useFieldErrors(state);
  return (
    <ActionForm
      onData={(fd, form) => {
        const passwordMode = fd.get("passwordMode") === "set" ? "set" : "generate";
        formAction({ id, passwordMode, password: passwordMode === "set" ? String(fd.get("password") ?? "") : null });
        if (passwordMode === "set") form.reset();
      }}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      {fe.form ? <Alert tone="error">{fe.form}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success" title={t("resetDone")}>
          {state.data.generatedPassword ? <GeneratedPassword password={state.data.generatedPassword} /> : null}
        </Alert>
      ) : null}
      <PasswordChoice idPrefix="rp" error={fe.field("password")} />
      <div>
        <Button type="submit" variant="secondary" busy={pending}>
          {t("reset")}
        </Button>
      </div>
    </ActionForm>
  );
}
