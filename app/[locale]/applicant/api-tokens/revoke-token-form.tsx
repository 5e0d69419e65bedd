"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { revokeApiTokenAction } from "./actions";

/** One row's "Revoke", confirmed first; the outcome is announced next to it. */
export function RevokeTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("api.tokens");
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(revokeApiTokenAction, null);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(t("revokeConfirm", { name }))) e.preventDefault();
      }}
      className="flex flex-col items-start gap-1"
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="danger" busy={pending} aria-label={t("revokeLabel", { name })} className="px-3 py-1 text-sm">
        {t("revoke")}
      </Button>
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-800" : "font-medium text-red-700"}`}>
          {state.ok ? t("revokedDone", { name: state.data.name }) : tc(state.code)}
        </p>
      ) : null}
    </form>
  );
}
