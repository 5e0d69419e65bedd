import type { DbOrTx } from "@/lib/platform/db";

/** "Surname Given Patronymic" by user id, for "changed by" / "activated by" columns (one query). */
export async function userNames(db: DbOrTx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, surname: true, givenName: true, patronymic: true } });
  return new Map(users.map((u) => [u.id, [u.surname, u.givenName, u.patronymic].filter(Boolean).join(" ")]));
}
