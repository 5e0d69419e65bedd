"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { sandboxPayAction, sandboxRedeliverAction } from "./actions";

/** The sandbox's card form; on success the server action redirects to the result view. */
export function SandboxCardForm({ orderId, amountLabel }: { orderId: string; amountLabel: string }) {
  const t = useTranslations("payments.sandbox.card");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(sandboxPayAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const formError = state && !state.ok && Object.keys(fe).length === 0 ? state.code : null;
  // React resets the form after an action; keep what was typed (except the CVC) for corrections.
  const [typed, setTyped] = useState<Record<string, string>>({});

  return (
    <form
      action={(fd) => {
        setTyped({ cardNumber: String(fd.get("cardNumber") ?? ""), expiry: String(fd.get("expiry") ?? ""), holder: String(fd.get("holder") ?? "") });
        formAction(fd);
      }}
      noValidate
      className="flex flex-col gap-4"
    >
      <input type="hidden" name="orderId" value={orderId} />
      {formError ? <Alert tone="error">{tc(formError)}</Alert> : null}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("legend")}</legend>
        <Field
          name="cardNumber"
          label={t("number")}
          hint={t("numberHint")}
          inputMode="numeric"
          autoComplete="off"
          maxLength={23}
          required
          className="sm:col-span-2"
          defaultValue={typed.cardNumber}
          error={tc(fe.cardNumber)}
        />
        <Field
          name="expiry"
          label={t("expiry")}
          placeholder="MM/YY"
          autoComplete="off"
          maxLength={7}
          required
          defaultValue={typed.expiry}
          error={tc(fe.expiry)}
        />
        <Field
          name="cvc"
          type="password"
          label={t("cvc")}
          hint={t("cvcHint")}
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          required
          error={tc(fe.cvc)}
        />
        <Field
          name="holder"
          label={t("holder")}
          hint={t("holderHint")}
          autoComplete="off"
          maxLength={60}
          required
          className="sm:col-span-2"
          defaultValue={typed.holder}
          error={tc(fe.holder)}
        />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        {/* The gateway's own button style, not the portal's. */}
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending || undefined}
          className="inline-flex items-center gap-2 rounded-md bg-emerald-800 px-5 py-2.5 font-semibold text-white hover:bg-emerald-900 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {pending ? <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
          {t("submit", { amount: amountLabel })}
        </button>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {pending ? t("processing") : ""}
        </p>
      </div>
    </form>
  );
}

/** Sends the callback of a completed order again (when the portal could not be reached). */
export function RedeliverForm({ orderId, label }: { orderId: string; label: string }) {
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(sandboxRedeliverAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      <Button type="submit" variant="secondary" busy={pending}>
        {label}
      </Button>
    </form>
  );
}
