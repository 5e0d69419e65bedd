"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { RadioChoice } from "@/components/ui/radio-choice";
import { Field } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { handOverAction } from "../actions";
import { OfficerActionForm } from "./officer-action-form";
import type { ActionTarget } from "./types";
import { useOfficerAction } from "./use-officer-action";

/** The result to the applicant: into their cabinet, or on paper against a journal entry with the recipient's name. */
export function HandOverForm({ target, resultLabel }: { target: ActionTarget; resultLabel: string }) {
  const t = useTranslations("officer.actions.handOver");
  const tw = useTranslations("workflow.handOverMode");
  const tc = useCodeTranslator();
  const { state, submit, pending, fieldError } = useOfficerAction(handOverAction, "hand_over");
  const [mode, setMode] = useState<"electronic" | "paper">("electronic");
  const [recipientName, setRecipientName] = useState("");
  const nameError = fieldError("recipientName");
  return (
    <OfficerActionForm
      id="action-hand-over"
      title={t("title")}
      lead={t("result", { result: resultLabel })}
      onSubmit={() => submit({ ...target, mode, ...(mode === "paper" ? { recipientName } : {}) })}
      feedback={state}
      submit={{ label: t("submit"), busy: pending }}
    >
      <RadioChoice
        legend={t("modeLegend")}
        name="hand-over-mode"
        options={(["electronic", "paper"] as const).map((m) => ({ value: m, label: tw(m) }))}
        value={mode}
        onChange={setMode}
      />
      {mode === "paper" ? (
        <Field
          id="hand-over-recipient"
          name="recipientName"
          label={t("recipient")}
          hint={t("recipientHint")}
          value={recipientName}
          onChange={(e) => setRecipientName(e.target.value)}
          maxLength={300}
          autoComplete="off"
          required
          error={nameError ? tc(nameError) : undefined}
        />
      ) : null}
    </OfficerActionForm>
  );
}
