import { z } from "zod";
import { refuse, route } from "@/app/_server/route";
import { requestMeta } from "@/app/_server/request-meta";
import { readBodyLimited } from "@/app/_server/request-body";
import { getDb } from "@/app/_server/db";
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
 * The body limit is the upload limit (read below with `readBodyLimited`, answered 413 beyond it).
 *
 * POST multipart/form-data `slotKey` + `file`: attaches the file to the application for the
 * signed-in actor. 201 `{ data: document }`; errors `{ error: { code, message } }` with 4xx.
 */
export const POST = route({ permission: "document.attach", maxBodyBytes: Number.MAX_SAFE_INTEGER }, "document upload", async (req, { actor, params }) => {
  const p = ZParams.safeParse(params);
  if (!p.success) return refuse("errors.not_found");
  const contentType = req.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return refuse("api.unsupported_media_type");
  const maxBytes = uploadMaxBytes();
  const body = await readBodyLimited(req, maxBytes + MULTIPART_OVERHEAD);
  if (!body) return refuse("documents.too_large");

  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return refuse("validation.failed");
  }
  const parsed = ZUploadForm.safeParse({ slotKey: form.get("slotKey") ?? undefined, file: form.get("file") ?? undefined });
  if (!parsed.success) return refuse("validation.failed");
  const { slotKey, file } = parsed.data;
  const fileName = file instanceof File ? file.name : "file";

  const document = await attachDocument(getDb(), getFileStorage(), {
    actor,
    applicationId: p.data.id,
    slotKey,
    fileName,
    declaredType: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
    maxBytes,
    now: new Date(),
    meta: await requestMeta(),
  });
  return Response.json({ data: document }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
