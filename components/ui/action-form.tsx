"use client";

import { startTransition, type FormHTMLAttributes } from "react";

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "action" | "noValidate"> & {
  /** Gets the submitted fields (and the form, e.g. to clear it) and calls the server action. */
  onData: (fd: FormData, form: HTMLFormElement) => void;
};

/**
 * A form that hands its fields to a server action of `useActionState` inside a transition. No
 * browser validation: the server's messages are shown at the fields, in the reader's language.
 */
export function ActionForm({ onData, children, ...rest }: Props) {
  return (
    <form
      {...rest}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const fd = new FormData(form);
        startTransition(() => onData(fd, form));
      }}
    >
      {children}
    </form>
  );
}
