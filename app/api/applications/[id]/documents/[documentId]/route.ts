import { z } from "zod";
import { route } from "@/app/_server/route";
import { pathParams } from "@/app/_server/route-params";
import { requestMeta } from "@/app/_server/request-meta";
import { getDb } from "@/app/_server/db";
import { removeDocument } from "@/lib/cases/documents";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.uuid(), documentId: z.uuid() });

/** DELETE: removes (soft-deletes) an attachment while the application is editable. */
export const DELETE = route({ permission: "document.attach" }, "document removal", async (_req, { actor, params }) => {
  const p = pathParams(ZParams, params);
  const removed = await removeDocument(getDb(), {
    actor,
    documentId: p.documentId,
    applicationId: p.id,
    now: new Date(),
    meta: await requestMeta(),
  });
  return Response.json({ data: removed }, { headers: { "Cache-Control": "no-store" } });
});
