import type { NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/app/_server/session";
import { errorResponse, failure } from "@/app/api/files/_lib/http";
import { getDb } from "@/lib/platform/db";
import { contentDisposition, getFileStorage, readDocument } from "@/lib/cases/documents";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.uuid() });
const ZQuery = z.object({ download: z.enum(["1", "true"]).optional().catch(undefined) });

/**
 * GET: streams an attachment the actor may see. Inline for preview; `?download=1` as an
 * attachment. Out of scope or unknown: 404, the same answer as for a document that never existed.
 */
export async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  try {
    const params = ZParams.safeParse(await ctx.params);
    if (!params.success) return failure("errors.not_found");
    const actor = await getActor();
    if (!actor) return failure("auth.signed_out");
    const query = ZQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
    const { document, body } = await readDocument(getDb(), getFileStorage(), { actor, documentId: params.data.id });
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
  } catch (e) {
    return errorResponse(e, "file download");
  }
}
