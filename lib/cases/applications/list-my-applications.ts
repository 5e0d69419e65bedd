import { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx, Prisma } from "@/lib/platform/db";
import { applicationScope, type Actor } from "@/lib/platform/auth";

export type MyApplicationRow = {
  id: string;
  registrationNumber: string | null;
  serviceCode: string;
  variant: string;
  status: string;
  stepKey: string | null;
  /** When the current step is due (what the office must act on). */
  stepDueAt: Date | null;
  /** When the result is due (the standard's overall term). */
  dueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  organisation: { code: string; nameKk: string; nameRu: string; nameEn: string };
};

export const MY_APPLICATION_STATUSES = ["DRAFT", "SUBMITTED", "IN_PROGRESS", "SUSPENDED", "DEEMED_ISSUED", "ISSUED", "REFUSED", "WITHDRAWN"] as const;

/** The cabinet's query string: search by number, filters, the keyset cursor. Unknown values are dropped, not errors. */
export const ZMyApplicationsQuery = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  status: z.enum(MY_APPLICATION_STATUSES).optional().catch(undefined),
  service: z.string().trim().max(100).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});
export type TMyApplicationsQuery = z.infer<typeof ZMyApplicationsQuery>;

const PAGE = 20;

function encode(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, "utf8").toString("base64url");
}
function decode(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = iso ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime()) || !id || rest.length || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new DomainError("validation.failed", { fieldErrors: { after: "validation.invalid_format" } });
  }
  return { at, id };
}

/**
 * The applicant's own applications (scoped: never another applicant's), the most recently changed
 * first, so an application that was just issued or refused is at the top instead of dropping out
 * behind newer drafts. Keyset pages of `take` (default 20) on (updatedAt, id); `next` is the cursor
 * of the following page or null.
 */
export async function listMyApplications(
  db: DbOrTx,
  actor: Actor,
  query: TMyApplicationsQuery = {},
  opts: { take?: number } = {},
): Promise<{ rows: MyApplicationRow[]; next: string | null }> {
  const take = Math.min(Math.max(opts.take ?? PAGE, 1), 200);
  const after = decode(query.after);
  const where: Prisma.ApplicationWhereInput = {
    AND: [
      applicationScope(actor),
      query.q ? { registrationNumber: { contains: query.q, mode: "insensitive" } } : {},
      query.status ? { status: query.status } : {},
      query.service ? { serviceCode: query.service } : {},
      after ? { OR: [{ updatedAt: { lt: after.at } }, { updatedAt: after.at, id: { lt: after.id } }] } : {},
    ],
  };
  const rows = await db.application.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      registrationNumber: true,
      serviceCode: true,
      variant: true,
      status: true,
      stepKey: true,
      stepDueAt: true,
      dueAt: true,
      createdAt: true,
      updatedAt: true,
      organisation: { select: { code: true, nameKk: true, nameRu: true, nameEn: true } },
    },
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return { rows: page, next: rows.length > take && last ? encode(last.updatedAt, last.id) : null };
}

/** The services the applicant has applications for (the cabinet's service filter). */
export async function listMyServiceCodes(db: DbOrTx, actor: Actor): Promise<string[]> {
  const rows = await db.application.findMany({ where: applicationScope(actor), distinct: ["serviceCode"], select: { serviceCode: true }, orderBy: { serviceCode: "asc" } });
  return rows.map((r) => r.serviceCode);
}
