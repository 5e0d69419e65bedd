"use client";

import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { startPaymentAction } from "@/app/[locale]/applicant/applications/[id]/payment-actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

type Props = {
  applicationId: string;
  /** Already formatted amount for the label ("43 250 ₸"); without it the label is generic. */
  amountLabel?: string;
  /** "retry" after a declined or expired attempt, "continue" for an unfinished one. */
  mode?: "pay" | "retry" | "continue";
};

/**
 * Starts (or continues) the fee payment and sends the browser to the payment gateway's page.
 * Works without JavaScript as a plain form post; with it, shows progress until the gateway opens.
 */
export function PayButton({ applicationId, amountLabel, mode = "pay" }: Props) {
  const t = useTranslations("payments.button");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(startPaymentAction, null);
  const redirecting = state?.ok === true;

  useEffect(() => {
    // The gateway is another site: a full navigation, not a client-side route change.
    if (state?.ok) window.location.assign(sameOriginIfPortal(state.data.paymentPageUrl));
  }, [state]);

  const label = mode === "retry" ? t("retry") : mode === "continue" ? t("continue") : amountLabel ? t("pay", { amount: amountLabel }) : t("payNow");
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="applicationId" value={applicationId} />
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" busy={pending || redirecting} data-testid="pay-button">
          {label}
        </Button>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {pending || redirecting ? t("redirecting") : ""}
        </p>
      </div>
    </form>
  );
}

/**
 * The sandbox gateway's page is served by the portal itself, at NEXTAUTH_URL's origin; a user who
 * opened the portal on another host name (127.0.0.1 vs localhost) would lose the session there and
 * on the way back. A portal page is opened on the origin the user is on; a real gateway stays as is.
 */
function sameOriginIfPortal(url: string): string {
  try {
    const u = new URL(url, window.location.href);
    return /^\/(kk|ru|en)\/sandbox\//.test(u.pathname) ? `${u.pathname}${u.search}${u.hash}` : u.toString();
  } catch {
    return url;
  }
}
