"use client";

import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { setOrganisationActiveAction } from "@/app/[locale]/admin/organisations/actions";
import { setOfficerActiveAction } from "@/app/[locale]/admin/officers/actions";
import type { ActionResult } from "@/app/_server/action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

type ToggleResult = { active: boolean; changed: boolean; openAssignments?: number };

type Props = {
  kind: "organisation" | "officer";
  id: string;
  active: boolean;
  /** Deactivating asks for a confirmation; `warning` (already translated) is shown in it. */
  warning?: string;
};

/** Activate / deactivate with an explicit confirmation step before deactivating. */
export function ActiveToggle({ kind, id, active, warning }: Props) {
  const t = useTranslations(`admin.${kind}`);
  const tc = useCodeTranslator();
  // Both actions take { id, active } and report the new state; officers also report open assignments.
  const act = (kind === "organisation" ? setOrganisationActiveAction : setOfficerActiveAction) as (
    prev: ActionResult<ToggleResult> | null,
    input: { id: string; active: boolean },
  ) => Promise<ActionResult<ToggleResult>>;
  const [state, formAction, pending] = useActionState(act, null);
  const [confirming, setConfirming] = useState(false);
  const run = (next: boolean) => {
    setConfirming(false);
    startTransition(() => formAction({ id, active: next }));
  };
  const openAssignments = state?.ok ? (state.data.openAssignments ?? 0) : 0;

  return (
    <div className="flex flex-col gap-3">
      <p>{active ? t("activeText") : t("inactiveText")}</p>
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
      {state?.ok && !state.data.active && openAssignments > 0 ? <Alert tone="info">{t("openAssignmentsAfter", { count: openAssignments })}</Alert> : null}
      {active && confirming ? (
        <ConfirmStep
          id={`${id}-confirm`}
          tone="danger"
          question={t("deactivateConfirm")}
          warning={warning}
          confirmLabel={t("deactivateYes")}
          cancelLabel={t("cancel")}
          onConfirm={() => run(false)}
          onCancel={() => setConfirming(false)}
          busy={pending}
        />
      ) : (
        <div>
          {active ? (
            <Button type="button" variant="danger" busy={pending} onClick={() => setConfirming(true)}>
              {t("deactivate")}
            </Button>
          ) : (
            <Button type="button" busy={pending} onClick={() => run(true)}>
              {t("activate")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
