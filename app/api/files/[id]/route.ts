import { z } from "zod";
import { refuse, route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { contentDisposition, getFileStorage, readDocument } from "@/lib/cases/documents";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.uuid() });
const ZQuery = z.object({ download: z.enum(["1", "true"]).optional().catch(undefined) });

/**
 * GET: streams an attachment the actor may see. Inline for preview; `?download=1` as an
 * attachment. Out of scope or unknown: 404, the same answer as for a document that never existed.
 */
export const GET = route({ permission: "document.read" }, "file download", async (req, { actor, params }) => {
  const p = ZParams.safeParse(params);
  if (!p.success) return refuse("errors.not_found");
  const query = ZQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { document, body } = await readDocument(getDb(), getFileStorage(), { actor, documentId: p.data.id });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": document.mimeType,
      "Content-Length": String(document.size),
      "Content-Disposition": contentDisposition(document.fileName, query.download ? "attachment" : "inline"),
      "X-Content-Type-Options": "nosniff",
      // Personal data: never kept by shared caches, not even by the browser's back/forward cache.
      "Cache-Control": "private, no-store",
      ETag: `"${document.sha256}"`,
    },
  });
});
