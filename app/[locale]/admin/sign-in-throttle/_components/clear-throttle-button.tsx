"use client";

import { startTransition, useActionState } from "react";
import { useTranslations } from "next-intl";
import { clearThrottleAction } from "../actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

type Props = { target: { kind: "account"; login: string } | { kind: "address"; ip: string }; label: string };

/** Clears one account's or one address's sign-in throttle. */
export function ClearThrottleButton({ target, label }: Props) {
  const t = useTranslations("admin.throttle");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(clearThrottleAction, null);
  if (state?.ok) return <p role="status">{t("cleared")}</p>;
  return (
    <div className="flex flex-col gap-2">
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      <Button type="button" busy={pending} aria-label={label} onClick={() => startTransition(() => formAction(target))}>
        {t("clear")}
      </Button>
    </div>
  );
}
