"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { registerAction, startReviewAction } from "../actions";
import { ActionFeedback } from "./action-feedback";
import type { ActionTarget } from "./types";
import { useOfficerAction } from "./use-officer-action";

/** A command without input: the clerk registers the documents, the executor starts the review. */
export function SimpleCommandForm({ command, target }: { command: "register" | "start_review"; target: ActionTarget }) {
  const t = useTranslations(`officer.actions.${command === "register" ? "register" : "startReview"}`);
  const { state, submit, pending } = useOfficerAction(command === "register" ? registerAction : startReviewAction, command);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(target);
      }}
      className="flex flex-col gap-3"
      aria-labelledby={`action-${command}`}
    >
      <h3 id={`action-${command}`} className="text-lg font-semibold">
        {t("title")}
      </h3>
      <p className="text-slate-700">{t("text")}</p>
      <ActionFeedback state={state} />
      <div>
        <Button type="submit" busy={pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
