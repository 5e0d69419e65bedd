import { can, organisationFilter, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import { Prisma, type DbOrTx } from "@/lib/platform/db";

export type TScopeOrganisation = { id: string; code: string; region: string; nameKk: string; nameRu: string; nameEn: string };

/**
 * The organisations a report covers: the actor's scope (one organisation, a region or all, see
 * `organisationFilter`) narrowed by an optional filter. A filter outside the scope gives an empty
 * scope (no rows), never someone else's data.
 */
export type TOrgScope = {
  /** null = every organisation (no SQL filter at all, the cheapest plan). */
  ids: string[] | null;
  organisations: TScopeOrganisation[];
};

export async function resolveOrgScope(db: DbOrTx, actor: Actor, filter: { organisationId?: string | null } = {}): Promise<TOrgScope> {
  // Dashboards are for supervisors and administrators (and scheduled system jobs); anyone else: "not found".
  if (actor.kind === "user" && !can(actor, "dashboard.read")) throw new DomainError("errors.not_found");
  const base = organisationFilter(actor);
  // Reports cover the service providers; a Public Service Centre provides no service of its own.
  const where = { AND: [base, { kind: { not: "PSC" as const } }, filter.organisationId ? { id: filter.organisationId } : {}] };
  const organisations = await db.organisation.findMany({
    where,
    select: { id: true, code: true, region: true, nameKk: true, nameRu: true, nameEn: true },
    orderBy: [{ kind: "asc" }, { code: "asc" }],
  });
  const unrestricted = Object.keys(base).length === 0 && !filter.organisationId;
  return { ids: unrestricted ? null : organisations.map((o) => o.id), organisations };
}

/** SQL condition "column is an organisation of the scope". */
export function orgCondition(scope: TOrgScope, column: Prisma.Sql): Prisma.Sql {
  if (scope.ids === null) return Prisma.sql`TRUE`;
  if (scope.ids.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${column} = ANY(${scope.ids}::text[])`;
}

/** The same condition for the Prisma query API. */
export function orgWhere(scope: TOrgScope): { organisationId?: { in: string[] } } {
  return scope.ids === null ? {} : { organisationId: { in: scope.ids } };
}

/** Optional equality filter (service code, variant …) as SQL. */
export function eqCondition(column: Prisma.Sql, value: string | null | undefined): Prisma.Sql {
  return value ? Prisma.sql`${column} = ${value}` : Prisma.sql`TRUE`;
}

/** Name of an organisation in the reader's language. */
export function organisationName(o: Pick<TScopeOrganisation, "nameKk" | "nameRu" | "nameEn">, locale: "kk" | "ru" | "en"): string {
  return locale === "kk" ? o.nameKk : locale === "ru" ? o.nameRu : o.nameEn;
}
