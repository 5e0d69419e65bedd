"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/app/_server/action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

const STALE = new Set(["workflow.stale_state", "errors.conflict"]);

/**
 * The error of an action, translated. A stale page (another officer or a deadline job changed the
 * application since it was rendered) gets its own message and a reload button: nothing was written.
 */
export function ActionFeedback({ state }: { state: ActionResult<unknown> | null }) {
  const t = useTranslations("officer.actions");
  const tc = useCodeTranslator();
  if (!state || state.ok) return null;
  if (STALE.has(state.code)) {
    return (
      <Alert tone="error" title={t("staleTitle")}>
        <p>{t("staleText")}</p>
        <Button type="button" variant="secondary" className="mt-2" onClick={() => window.location.reload()}>
          {t("reload")}
        </Button>
      </Alert>
    );
  }
  return (
    <Alert tone="error">
      {tc(state.code)}
      {state.eventId ? <span className="mt-1 block text-sm">{t("eventId", { id: state.eventId })}</span> : null}
    </Alert>
  );
}

/** A field's error text under its input (id for aria-describedby). */
export function FieldError({ id, code }: { id: string; code?: string }) {
  const tc = useCodeTranslator();
  if (!code) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-700">
      {tc(code)}
    </p>
  );
}
