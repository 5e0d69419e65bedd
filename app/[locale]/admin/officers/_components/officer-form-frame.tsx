"use client";

import type { ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Props = {
  onData: (fd: FormData) => void;
  /** The form's own error (not tied to a field). */
  formError?: string;
  /** Said after a successful save. */
  notice?: ReactNode;
  submitLabel: ReactNode;
  busy: boolean;
  children: ReactNode;
};

/** A row across both columns of the form. */
function Wide({ children }: { children: ReactNode }) {
  return <div className="sm:col-span-2">{children}</div>;
}

/** The card both officer forms share: two columns of fields, their messages across the top, the submit button last. */
export function OfficerFormFrame({ onData, formError, notice, submitLabel, busy, children }: Props) {
  return (
    <ActionForm onData={onData} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-2">
      {formError ? (
        <Wide>
          <Alert tone="error">{formError}</Alert>
        </Wide>
      ) : null}
      {notice ? (
        <Wide>
          <Alert tone="success">{notice}</Alert>
        </Wide>
      ) : null}
      {children}
      <Wide>
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </Wide>
    </ActionForm>
  );
}
