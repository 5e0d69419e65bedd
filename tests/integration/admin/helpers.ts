import { z } from "zod";
import { expect } from "vitest";
import type { Db } from "@/lib/platform/db";

export const meta = { ip: "10.0.0.9", userAgent: "vitest" };

/** The zod issues of a refused input as "path → message" (paths joined with dots, as the action client reports them). */
export async function zodIssues(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "expected the input to be refused").toBeInstanceOf(z.ZodError);
  return Object.fromEntries((e as z.ZodError).issues.map((i) => [i.path.join("."), i.message]));
}

/** The DomainError of a refused call: its code and details. */
export async function domainError(p: Promise<unknown>): Promise<{ code: string; details?: Record<string, unknown> }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "expected a DomainError").toMatchObject({ name: "DomainError" });
  return e as { code: string; details?: Record<string, unknown> };
}

export async function auditRows(db: Db, type: string, entityId?: string) {
  return db.auditEvent.findMany({ where: { type, ...(entityId ? { entityId } : {}) }, orderBy: { id: "asc" } });
}
