"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { revokeCertificateAction } from "./actions";

/**
 * One row's revocation: reason + button. Stays mounted when the page re-renders the row as
 * revoked (`revokedText`), so the outcome is announced and focus is not lost with the button.
 */
export function RevokeForm({ serial, reasons, revokedText }: { serial: string; reasons: readonly string[]; revokedText: string | null }) {
  const t = useTranslations("eds");
  const tc = useCodeTranslator();
  const id = useId();
  const [state, formAction, pending] = useActionState(revokeCertificateAction, null);
  const msgId = `${id}-msg`;
  const msgRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state) msgRef.current?.focus();
  }, [state]);

  const message = state ? (
    <p
      ref={msgRef}
      id={msgId}
      tabIndex={-1}
      role={state.ok ? "status" : "alert"}
      className={`w-full text-sm ${state.ok ? "text-green-800" : "font-medium text-red-700"}`}
    >
      {state.ok ? t("admin.revoked", { serial: state.data.serial }) : tc(state.code)}
    </p>
  ) : null;

  if (revokedText) {
    return (
      <div className="flex flex-col gap-1">
        <span className="text-sm">{revokedText}</span>
        {message}
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="serial" value={serial} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-reason`} className="text-xs font-medium">
          {t("admin.reasonLabel", { serial })}
        </label>
        <select
          id={`${id}-reason`}
          name="reason"
          defaultValue="key_compromise"
          aria-describedby={state ? msgId : undefined}
          className="rounded border border-slate-400 bg-white px-2 py-1 text-sm"
        >
          {reasons.map((r) => (
            <option key={r} value={r}>
              {t(`reason.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="danger" busy={pending} aria-label={t("admin.revokeLabel", { serial })} className="px-3 py-1 text-sm">
        {t("admin.revoke")}
      </Button>
      {message}
    </form>
  );
}
