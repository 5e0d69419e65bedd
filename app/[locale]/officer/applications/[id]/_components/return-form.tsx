"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { returnForRevisionAction } from "../actions";
import { TextAreaField } from "@/components/ui/field";
import { useCodeTranslator } from "@/components/ui/use-code-translator";
import { ActionFeedback } from "./action-feedback";
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
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit({ ...target, comment });
      }}
      className="flex flex-col gap-3"
      aria-labelledby="action-return"
      noValidate
    >
      <h3 id="action-return" className="text-lg font-semibold">
        {t("title")}
      </h3>
      <p className="text-slate-700">{t("text")}</p>
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
      <ActionFeedback state={state && !state.ok && state.fieldErrors?.comment ? null : state} />
      <div>
        <Button type="submit" variant="secondary" busy={pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
