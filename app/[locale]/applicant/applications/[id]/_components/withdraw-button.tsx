"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { withdrawAction } from "@/app/[locale]/applicant/applications/[id]/actions";
import { Link } from "@/components/i18n/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

/**
 * The confirmation page's form (GOV.UK "are you sure" pattern, no browser confirm()): an optional
 * reason, "Yes, withdraw" and a way back; after withdrawal a confirmation with what happens next.
 */
export function WithdrawButton({ applicationId, number, withdrawn }: { applicationId: string; number: string | null; withdrawn: boolean }) {
  const t = useTranslations("applications.withdraw");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(withdrawAction, null);
  if (withdrawn || state?.ok) {
    return (
      <div className="flex flex-col gap-3" data-testid="withdrawn">
        <Alert tone="success" title={number ? t("doneNumber", { number }) : t("done")}>
          <p>{t("next")}</p>
        </Alert>
        <p>
          <Link className="font-semibold text-brand-700 underline" href="/applicant">
            {t("toList")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="applicationId" value={applicationId} />
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="withdraw-reason" className="font-medium">
          {t("reason")}
        </label>
        <textarea id="withdraw-reason" name="reason" rows={3} maxLength={1000} className="rounded border border-slate-400 px-3 py-2" />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" variant="danger" busy={pending}>
          {t("confirm")}
        </Button>
        <Link className="text-brand-700 underline" href={`/applicant/applications/${applicationId}`}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
