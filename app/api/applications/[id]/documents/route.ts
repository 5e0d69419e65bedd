import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/app/_server/session";
import { requestMeta } from "@/app/_server/request-meta";
import { readBodyLimited } from "@/app/_server/request-body";
import { errorResponse, failure, isSameOrigin } from "@/app/api/files/_lib/http";
import { getDb } from "@/lib/platform/db";
import { attachDocument, getFileStorage, uploadMaxBytes } from "@/lib/cases/documents";

export const dynamic = "force-dynamic";

/** Room for the multipart boundaries, part headers and the slot key around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

const ZParams = z.object({ id: z.uuid() });
const ZUploadForm = z.object({
  slotKey: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/)
    .max(100),
  file: z.instanceof(Blob),
});

/**
 * POST multipart/form-data `slotKey` + `file`: attaches the file to the application for the
 * signed-in actor. 201 `{ ok: true, data: document }`; errors `{ ok: false, code }` with 4xx.
 */
export async function POST(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  try {
    const params = ZParams.safeParse(await ctx.params);
    if (!params.success) return failure("errors.not_found");
    if (!isSameOrigin(req)) return failure("auth.forbidden");
    const actor = await getActor();
    if (!actor) return failure("auth.signed_out");

    const contentType = req.headers.get("content-type") ?? "";
    if (!contentType.toLowerCase().startsWith("multipart/form-data")) return failure("validation.failed", 415);
    const maxBytes = uploadMaxBytes();
    const limit = maxBytes + MULTIPART_OVERHEAD;
    const body = await readBodyLimited(req, limit);
    if (!body) return failure("documents.too_large");

    let form: FormData;
    try {
      form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    } catch {
      return failure("validation.failed");
    }
    const parsed = ZUploadForm.safeParse({ slotKey: form.get("slotKey") ?? undefined, file: form.get("file") ?? undefined });
    if (!parsed.success) return failure("validation.failed");
    const { slotKey, file } = parsed.data;
    const fileName = file instanceof File ? file.name : "file";

    const document = await attachDocument(getDb(), getFileStorage(), {
      actor,
      applicationId: params.data.id,
      slotKey,
      fileName,
      declaredType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
      maxBytes,
      now: new Date(),
      meta: await requestMeta(),
    });
    return NextResponse.json({ ok: true, data: document }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(e, "document upload");
  }
}
