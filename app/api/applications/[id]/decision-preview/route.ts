import { z } from "zod";
import { route } from "@/app/_server/route";
import { pathParams } from "@/app/_server/route-params";
import { getDb } from "@/app/_server/db";
import { getDecisionPreviewPdf } from "@/lib/cases/officer-actions";
import { fileResponse } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().uuid() });

/**
 * The draft licence (the real PDF, marked ЖОБА / ПРОЕКТ, unsigned) that the head is about to sign,
 * for the staff of the application's organisation while it waits at the sign step
 * (`decision.preview`, scoped by `applicationScope`); anyone else, or at another step: 404.
 * Shown inline in a frame on the officer page (next.config lets this path be framed by the portal).
 */
export const GET = route({ permission: "decision.preview" }, "decision preview", async (_req, { actor, params }) => {
  const file = await getDecisionPreviewPdf(getDb(), actor, pathParams(ZParams, params).id, { now: new Date() });
  return fileResponse(file.pdf, { fileName: file.fileName, contentType: "application/pdf", disposition: "inline", framing: "same-origin" });
});
