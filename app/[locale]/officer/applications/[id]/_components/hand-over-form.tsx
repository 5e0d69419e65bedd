"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { handOverAction } from "../actions";
import { ActionFeedback } from "./action-feedback";
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
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit({ ...target, mode, ...(mode === "paper" ? { recipientName } : {}) });
      }}
      className="flex flex-col gap-4"
      aria-labelledby="action-hand-over"
      noValidate
    >
      <h3 id="action-hand-over" className="text-lg font-semibold">
        {t("title")}
      </h3>
      <p className="text-slate-700">{t("result", { result: resultLabel })}</p>
      <fieldset>
        <legend className="font-medium">{t("modeLegend")}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(["electronic", "paper"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2">
              <input type="radio" name="hand-over-mode" checked={mode === m} onChange={() => setMode(m)} className="h-4 w-4" />
              {tw(m)}
            </label>
          ))}
        </div>
      </fieldset>
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
      <ActionFeedback state={state} />
      <div>
        <Button type="submit" busy={pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
