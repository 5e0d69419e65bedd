"use client";

import { useActionState } from "react";
import { markNotificationsReadAction } from "@/app/[locale]/notifications/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

type Props = {
  /** One notification; without it the form marks all of them. */
  id?: string;
  label: string;
  /** Id of the element naming what the button acts on (the notification's title). */
  describedBy?: string;
  /** Announced politely once the action succeeded. */
  doneText?: string;
};

export function MarkReadForm({ id, label, describedBy, doneText }: Props) {
  const tc = useCodeTranslator();
  const [state, formAction, pending] = useActionState(markNotificationsReadAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      {id ? <input type="hidden" name="id" value={id} /> : <input type="hidden" name="all" value="1" />}
      <div>
        <Button type="submit" variant="secondary" busy={pending} aria-describedby={describedBy} className="text-sm">
          {label}
        </Button>
      </div>
      <p role="status" className="sr-only">
        {state?.ok && doneText ? doneText : ""}
      </p>
      {state && !state.ok ? <Alert tone="error">{tc(state.code)}</Alert> : null}
    </form>
  );
}
