import { DomainError } from "@/lib/platform/core";

/**
 * Opaque keyset cursors: base64url of "<ISO instant>|<id>" of the last row of a page. Clients
 * pass them back unchanged; a damaged cursor is a validation error on `cursor`.
 */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (cursor === undefined || cursor === "") return null;
  const [iso, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = iso ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime()) || !id || rest.length || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new DomainError("validation.failed", { fieldErrors: { cursor: "validation.invalid_format" } });
  }
  return { at, id };
}
