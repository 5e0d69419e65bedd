"use client";

import { type ComponentProps, useActionState, useState } from "react";
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
  // Every card field: required, never autofilled by the browser, its server error shown under it.
  const field = (name: "cardNumber" | "expiry" | "cvc" | "holder", props: Omit<ComponentProps<typeof Field>, "name">) => (
    <Field name={name} autoComplete="off" required defaultValue={typed[name]} error={tc(fe[name])} {...props} />
  );

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
        {field("cardNumber", { label: t("number"), hint: t("numberHint"), inputMode: "numeric", maxLength: 23, className: "sm:col-span-2" })}
        {field("expiry", { label: t("expiry"), placeholder: "MM/YY", maxLength: 7 })}
        {field("cvc", { label: t("cvc"), hint: t("cvcHint"), type: "password", inputMode: "numeric", maxLength: 3 })}
        {field("holder", { label: t("holder"), hint: t("holderHint"), maxLength: 60, className: "sm:col-span-2" })}
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
