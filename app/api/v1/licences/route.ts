import { API_OPERATIONS, decodeCursor, encodeCursor } from "@/lib/integration/api";
import { listLicences } from "@/lib/cases/licences";
import { withApi } from "../_lib/with-api";

export const dynamic = "force-dynamic";

/** The caller's licences (as holder), newest first, 25 per page. */
export const GET = withApi(API_OPERATIONS.listLicences, async ({ db, actor, query }) => {
  const after = decodeCursor(query.cursor);
  const { rows, next } = await listLicences(db, actor, { status: query.status, after: after ? `${after.at.toISOString()}|${after.id}` : undefined });
  const [iso, id] = next ? next.split("|") : [];
  const items = rows.map((l) => ({
    ...l,
    organisation: { code: l.organisation.code, name: { kk: l.organisation.nameKk, ru: l.organisation.nameRu, en: l.organisation.nameEn } },
  }));
  return { items, nextCursor: iso && id ? encodeCursor(new Date(iso), id) : null };
});
