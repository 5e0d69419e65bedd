import { z } from "zod";

/**
 * Dates and keyset cursors from a URL, within what the portal and PostgreSQL can represent (issue 13
 * F3: `from=0001-01-01&to=9999-12-31` or a cursor with a 20-digit id reached the database and
 * answered 500). Out of range is 422 `validation.date_out_of_range`; a malformed cursor 422
 * `validation.invalid_format`.
 */
export const MIN_ISO_DATE = "1900-01-01";
export const MAX_ISO_DATE = "2199-12-31";

export function isDateInRange(isoDate: string): boolean {
  return isoDate >= MIN_ISO_DATE && isoDate <= MAX_ISO_DATE;
}

/** A calendar date "YYYY-MM-DD" between 1900 and 2199. */
export const ZIsoDate = z.iso.date().refine(isDateInRange, { message: "validation.date_out_of_range" });

/** What the id half of a cursor may be: a bigint key (fits a signed 64-bit integer) or a uuid/text key. */
export type TCursorId = "bigint" | "text";
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)\|([^|]{1,100})$/;

/** "<instant ISO>|<id>" → its parts; null when malformed or out of range. */
export function parseKeysetCursor(value: string | undefined, idKind: TCursorId): { at: Date; id: string } | null {
  if (!value) return null;
  const m = CURSOR.exec(value);
  if (!m) return null;
  const at = new Date(m[1]!);
  if (Number.isNaN(at.getTime()) || !isDateInRange(m[1]!.slice(0, 10))) return null;
  const id = m[2]!;
  if (idKind === "bigint" && !(/^\d{1,18}$/.test(id))) return null;
  return { at, id };
}

/** A keyset cursor query value: well-formed and in range, else 422 `validation.invalid_format`. */
export const ZKeysetCursor = (idKind: TCursorId) =>
  z
    .string()
    .max(200)
    .refine((v) => parseKeysetCursor(v, idKind) !== null, { message: "validation.invalid_format" });
