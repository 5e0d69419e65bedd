import { z } from "zod";
import { refuse, route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { getLicencePdfFile } from "@/lib/cases/licence-signing";
import { fileResponse } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().trim().min(1).max(64) });
const ZQuery = z.object({ duplicate: z.string().trim().min(1).max(64).optional() });

/**
 * The licence PDF for the holder and the issuing organisation's staff (supervisors in scope too);
 * anyone else gets 404. `?duplicate=<id>` gives that duplicate. The register's document byte for
 * byte (PAdES-signed, or deemed issued), so standard tools verify the download. The one file shown
 * inline (the browser's PDF viewer), still sandboxed like every file response.
 */
export const GET = route({ permission: "licence.read" }, "licence PDF", async (req, { actor, params }) => {
  const url = new URL(req.url);
  const p = ZParams.safeParse(params);
  const q = ZQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!p.success || !q.success) return refuse("errors.not_found");
  const file = await getLicencePdfFile(getDb(), actor, p.data.id, { duplicateId: q.data.duplicate, now: new Date() });
  return fileResponse(file.pdf, { fileName: file.fileName, contentType: "application/pdf", disposition: "inline" });
});
