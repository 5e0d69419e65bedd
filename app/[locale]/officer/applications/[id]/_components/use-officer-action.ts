"use client";

import { startTransition, useActionState, useEffect } from "react";
import { usePathname, useRouter } from "@/components/i18n/navigation";
import type { ActionResult } from "@/app/_server/action";
import { useCodeTranslator } from "@/components/ui/use-code-translator";

type ServerAction<I, R> = (prev: ActionResult<R> | null, input: I) => Promise<ActionResult<R>>;

/**
 * One officer action: dispatches the input object, and after success navigates to
 * `?done=<command>&v=<new version>` (a fresh render from the server with a status message at the
 * top and the next actions; the version makes every such URL new). `fieldError` is the server's
 * code for a field (for FieldError and checklists); `fieldMessage` is its text, for a field's `error`.
 */
export function useOfficerAction<I, R extends { version: number }>(serverAction: ServerAction<I, R>, command: string) {
  const [state, dispatch, pending] = useActionState(serverAction, null);
  const router = useRouter();
  const tc = useCodeTranslator();
  const pathname = usePathname();
  useEffect(() => {
    if (state?.ok) router.replace({ pathname, query: { done: command, v: String(state.data.version) } }, { scroll: true });
  }, [state, router, pathname, command]);
  const fieldError = (path: string): string | undefined => (state && !state.ok ? state.fieldErrors?.[path] : undefined);
  return {
    state,
    pending: pending || state?.ok === true,
    submit: (input: I) => startTransition(() => dispatch(input)),
    fieldError,
    fieldMessage: (path: string): string | undefined => {
      const code = fieldError(path);
      return code ? tc(code) : undefined;
    },
  };
}
