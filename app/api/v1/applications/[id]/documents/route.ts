import { API_OPERATIONS } from "@/lib/integration/api";
import { attachDocument, uploadMaxBytes } from "@/lib/cases/documents";
import { withApi } from "../../../_lib/with-api";

export const dynamic = "force-dynamic";

/** multipart/form-data `slotKey` + `file`: attaches the file to the draft (content, size and slot are checked). */
export const POST = withApi(API_OPERATIONS.uploadDocument, async ({ db, actor, params, body, now, meta, runtime }) => {
  const { slotKey, file } = body;
  return attachDocument(db, runtime.storage(), {
    actor,
    applicationId: params.id,
    slotKey,
    fileName: file instanceof File ? file.name : "file",
    declaredType: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
    maxBytes: uploadMaxBytes(),
    now,
    meta,
  });
});
