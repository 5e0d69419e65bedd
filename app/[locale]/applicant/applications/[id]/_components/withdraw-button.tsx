"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { withdrawAction } from "@/app/[locale]/applicant/applications/[id]/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

export function WithdrawButton({ applicationId }: { applicationId: string }) {
  const t = useTranslations("applications.view");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(withdrawAction, null);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(t("withdrawConfirm"))) e.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="applicationId" value={applicationId} />
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      <Button type="submit" variant="danger" busy={pending}>
        {t("withdraw")}
      </Button>
    </form>
  );
}
