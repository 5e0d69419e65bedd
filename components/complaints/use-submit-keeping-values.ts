"use client";

import { useTransition, type FormEvent } from "react";

/**
 * React 19 resets a form after its `action` runs, which would wipe a long complaint or the
 * survey's choices when the server answers with validation errors. With JavaScript the form is
 * submitted through this handler instead (no reset); without it, the `action` prop still works.
 */
export function useSubmitKeepingValues(dispatch: (fd: FormData) => void) {
  const [, startTransition] = useTransition();
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  };
}
