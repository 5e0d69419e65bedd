"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { returnForRevisionAction } from "../actions";
import { TextAreaField } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { OfficerActionForm } from "./officer-action-form";
import type { ActionTarget } from "./types";
import { useOfficerAction } from "./use-officer-action";

/** The head does not sign: the draft goes back to the executor with a comment on what to revise. */
export function ReturnForm({ target }: { target: ActionTarget }) {
  const t = useTranslations("officer.actions.returnForRevision");
  const tc = useCodeTranslator();
  const { state, submit, pending, fieldError } = useOfficerAction(returnForRevisionAction, "return_for_revision");
  const [comment, setComment] = useState("");
  const error = fieldError("comment");
  return (
    <OfficerActionForm
      id="action-return"
      title={t("title")}
      lead={t("text")}
      onSubmit={() => submit({ ...target, comment })}
      feedback={state && !state.ok && state.fieldErrors?.comment ? null : state}
      submit={{ label: t("submit"), busy: pending, variant: "secondary" }}
      className="flex flex-col gap-3"
    >
      <TextAreaField
        id="return-comment"
        name="comment"
        label={t("comment")}
        hint={t("commentHint")}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        rows={4}
        maxLength={2000}
        required
        error={error ? tc(error) : undefined}
      />
    </OfficerActionForm>
  );
}
