"use client";

import { useTranslations } from "next-intl";
import { registerAction, startReviewAction } from "../actions";
import { OfficerActionForm } from "./officer-action-form";
import type { ActionTarget } from "./types";
import { useOfficerAction } from "./use-officer-action";

/** A command without input: the clerk registers the documents, the executor starts the review. */
export function SimpleCommandForm({ command, target }: { command: "register" | "start_review"; target: ActionTarget }) {
  const t = useTranslations(`officer.actions.${command === "register" ? "register" : "startReview"}`);
  const { state, submit, pending } = useOfficerAction(command === "register" ? registerAction : startReviewAction, command);
  return (
    <OfficerActionForm
      id={`action-${command}`}
      title={t("title")}
      lead={t("text")}
      onSubmit={() => submit(target)}
      feedback={state}
      submit={{ label: t("submit"), busy: pending }}
      className="flex flex-col gap-3"
    />
  );
}
