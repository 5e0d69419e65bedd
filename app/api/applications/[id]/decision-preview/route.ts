import { z } from "zod";
import { refuse, route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { getDecisionPreviewPdf } from "@/lib/cases/officer-actions";
import { fileHeaders } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().uuid() });

/**
 * The draft licence (the real PDF, marked ЖОБА / ПРОЕКТ, unsigned) that the head is about to sign,
 * for the staff of the application's organisation while it waits at the sign step
 * (`decision.preview`, scoped by `applicationScope`); anyone else, or at another step: 404.
 * Shown inline in a frame on the officer page (next.config lets this path be framed by the portal).
 */
export const GET = route({ permission: "decision.preview" }, "decision preview", async (_req, { actor, params }) => {
  const p = ZParams.safeParse(params);
  if (!p.success) return refuse("errors.not_found");
  const file = await getDecisionPreviewPdf(getDb(), actor, p.data.id, { now: new Date() });
  return new Response(Buffer.from(file.pdf), {
    headers: fileHeaders({ fileName: file.fileName, contentType: "application/pdf", disposition: "inline", framing: "same-origin" }),
  });
});
