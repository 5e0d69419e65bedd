import { z } from "zod";
import { refuse, route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { getFileStorage, readDocument } from "@/lib/cases/documents";
import { fileHeaders } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.uuid() });

/**
 * GET: streams an attachment the actor may see, always as a download (an upload is never rendered
 * on the portal's origin; `?download=1` of older links is accepted and changes nothing). Out of
 * scope or unknown: 404, the same answer as for a document that never existed.
 */
export const GET = route({ permission: "document.read" }, "file download", async (_req, { actor, params }) => {
  const p = ZParams.safeParse(params);
  if (!p.success) return refuse("errors.not_found");
  const { document, body } = await readDocument(getDb(), getFileStorage(), { actor, documentId: p.data.id });
  return new Response(body, {
    status: 200,
    // Personal data: never kept by shared caches, not even by the browser's back/forward cache (the default).
    headers: fileHeaders({ fileName: document.fileName, contentType: document.mimeType, size: document.size, etag: `"${document.sha256}"` }),
  });
});
