import { z } from "zod";
import { DomainError } from "./domain-error";

/**
 * Text that PostgreSQL can store: no NUL (`text` and `jsonb` refuse U+0000) and no unpaired UTF-16
 * surrogate (`jsonb` refuses the `\ud800` escape, UTF-8 cannot encode it). Such characters are never
 * part of a real name, address or answer, so the one rule is to refuse them at every boundary with
 * 422 `validation.unsafe_text` (issue 13 F3) — before they reach a query and turn into a 500.
 */
// Code units, not code points (no `u` flag): a high surrogate not followed by a low one, a low one
// not preceded by a high one, or NUL.
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_CODE = "validation.unsafe_text" as const;

export function isSafeText(s: string): boolean {
  return !UNSAFE_TEXT.test(s);
}

/** Deeper than any form or JSON document of the portal; deeper input is refused too (no stack overflow). */
const MAX_DEPTH = 64;

/**
 * The path of the first unsafe string in a value (object keys, array items, strings, file names),
 * `[]` for the value itself; null when everything is safe. Iterative, so a deeply nested JSON
 * document cannot overflow the stack.
 */
export function findUnsafeText(value: unknown): (string | number)[] | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === "string") {
      if (!isSafeText(v)) return path;
      continue;
    }
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (path.length > MAX_DEPTH) return path;
    if (typeof Blob !== "undefined" && v instanceof Blob) {
      if (typeof File !== "undefined" && v instanceof File && !isSafeText(v.name)) return path;
      continue;
    }
    if (v instanceof Date || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) continue;
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: [...path, i] }));
      continue;
    }
    for (const [k, item] of Object.entries(v)) {
      if (!isSafeText(k)) return [...path, k];
      stack.push({ v: item, path: [...path, k] });
    }
  }
  return null;
}

/** A string field: the shared primitive for schemas that name their strings. */
export const ZSafeText = z.string().refine(isSafeText, { message: UNSAFE_TEXT_CODE });

function refineSafe(v: unknown, ctx: z.RefinementCtx): void {
  const path = findUnsafeText(v);
  if (path) ctx.addIssue({ code: "custom", message: UNSAFE_TEXT_CODE, path });
}

/**
 * The one refinement for whole inputs (a server action's form, a route's query or JSON body): every
 * string inside, at any depth, must be safe text.
 */
export const ZSafeInput = z.unknown().superRefine(refineSafe);

/** A JSON object (draft form data, a callback payload) whose strings, at any depth, are all safe text. */
export const ZSafeJsonObject = z.record(z.string(), z.unknown()).superRefine(refineSafe);

/** Throws 422 `validation.unsafe_text` (with the field) when any string in `value` is unsafe. */
export function assertSafeInput(value: unknown, rootKey = "_form"): void {
  const path = findUnsafeText(value);
  if (path) throw new DomainError(UNSAFE_TEXT_CODE, { fieldErrors: { [path.map(String).join(".") || rootKey]: UNSAFE_TEXT_CODE } });
}

/**
 * The same rule for a raw body kept as text (a signed callback): the text itself and, when it is
 * JSON, every string it decodes to (`"\u0000"` escapes are safe text but unsafe values).
 */
export function assertSafeJsonText(raw: string): void {
  assertSafeInput(raw, "_body");
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return;
  }
  assertSafeInput(value, "_body");
}
