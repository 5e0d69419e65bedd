import { assertCan, type Actor } from "@/lib/platform/auth";
import type { DbOrTx, Prisma } from "@/lib/platform/db";
import { OFFICER_ROLES, type TOfficerListQuery } from "./officer-schemas";

export const OFFICERS_PAGE_SIZE = 50;

/** What the list shows of a staff account (its own page reads more, see getOfficer). */
export const officerRowSelect = {
  id: true,
  login: true,
  surname: true,
  givenName: true,
  patronymic: true,
  role: true,
  canSign: true,
  supervisorScope: true,
  active: true,
  organisation: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
} as const;

/** Staff accounts (never applicants), filtered by organisation, role, active flag and a name/login search. */
export async function listOfficers(db: DbOrTx, actor: Actor, query: TOfficerListQuery) {
  assertCan(actor, "admin.users");
  const page = query.page ?? 1;
  const q = query.q?.trim();
  const where: Prisma.UserWhereInput = {
    role: query.role ? query.role : { in: [...OFFICER_ROLES] },
    ...(query.organisationId ? { organisationId: query.organisationId } : {}),
    ...(query.active === undefined ? {} : { active: query.active }),
    ...(q
      ? {
          OR: [
            { login: { contains: q, mode: "insensitive" } },
            { surname: { contains: q, mode: "insensitive" } },
            { givenName: { contains: q, mode: "insensitive" } },
            { iin: { startsWith: q } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ surname: "asc" }, { givenName: "asc" }, { id: "asc" }],
      skip: (page - 1) * OFFICERS_PAGE_SIZE,
      take: OFFICERS_PAGE_SIZE,
      select: officerRowSelect,
    }),
    db.user.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / OFFICERS_PAGE_SIZE)) };
}
