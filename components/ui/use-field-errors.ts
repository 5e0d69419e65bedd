"use client";

import { useCodeTranslator } from "@/components/ui/use-code-translator";

type State = { ok: true } | { ok: false; code: string; fieldErrors?: Record<string, string> } | null;

/** Field error text by path ("workingHours.breaks.1"), translated; plus the form-level code. */
export function useFieldErrors(state: State) {
  const tc = useCodeTranslator();
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return {
    field: (path: string): string | undefined => (fe[path] ? tc(fe[path]) : undefined),
    /** Every error whose path starts with `prefix` (e.g. a break row and its two times). */
    under: (prefix: string): string | undefined => {
      const hit = Object.keys(fe).find((k) => k === prefix || k.startsWith(`${prefix}.`));
      return hit ? tc(fe[hit]) : undefined;
    },
    form: state && !state.ok ? tc(state.code) : undefined,
    has: Object.keys(fe).length > 0,
  };
}
