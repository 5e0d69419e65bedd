import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/app/_server/session";
import { requestMeta } from "@/app/_server/request-meta";
import { errorResponse, failure, isSameOrigin } from "@/app/api/files/_lib/http";
import { getDb } from "@/lib/platform/db";
import { removeDocument } from "@/lib/cases/documents";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.uuid(), documentId: z.uuid() });

/** DELETE: removes (soft-deletes) an attachment while the application is editable. */
export async function DELETE(req: NextRequest, ctx: { params: Promise<{ id: string; documentId: string }> }) {
  try {
    const params = ZParams.safeParse(await ctx.params);
    if (!params.success) return failure("errors.not_found");
    if (!isSameOrigin(req)) return failure("auth.forbidden");
    const actor = await getActor();
    if (!actor) return failure("auth.signed_out");
    const removed = await removeDocument(getDb(), {
      actor,
      documentId: params.data.documentId,
      applicationId: params.data.id,
      now: new Date(),
      meta: await requestMeta(),
    });
    return NextResponse.json({ ok: true, data: removed }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e, "document removal");
  }
}
