"use client";

import type { ReactNode } from "react";
import type { ActionResult } from "@/app/_server/action";
import { Button } from "@/components/ui/button";
import { ActionFeedback } from "./action-feedback";

type Props = {
  /** Id of the form's heading; the form is labelled by it. */
  id: string;
  title: ReactNode;
  /** What the action does, under the heading. */
  lead?: ReactNode;
  onSubmit: () => void;
  /** The action's last result: its error (or the stale-page message) is shown above the button. */
  feedback: ActionResult<unknown> | null;
  submit: { label: ReactNode; busy: boolean; disabled?: boolean; variant?: "primary" | "secondary" };
  className?: string;
  children?: ReactNode;
};

/**
 * One officer action on the application page: a form labelled by its h3, the fields, the action's
 * feedback and one submit button. No browser validation: the server's messages are shown.
 */
export function OfficerActionForm({ id, title, lead, onSubmit, feedback, submit, className = "flex flex-col gap-4", children }: Props) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      className={className}
      aria-labelledby={id}
      noValidate
    >
      <h3 id={id} className="text-lg font-semibold">
        {title}
      </h3>
      {lead ? <p className="text-slate-700">{lead}</p> : null}
      {children}
      <ActionFeedback state={feedback} />
      <div>
        <Button type="submit" variant={submit.variant} busy={submit.busy} disabled={submit.disabled}>
          {submit.label}
        </Button>
      </div>
    </form>
  );
}
