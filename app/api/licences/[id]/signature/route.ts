import { z } from "zod";
import { refuse, route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { getLicenceSignatureFile } from "@/lib/cases/licences";
import { fileHeaders } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().trim().min(1).max(64) });

/** The detached CMS (.p7s) of the licence signature, with the same scoping as the PDF. */
export const GET = route({ permission: "licence.read" }, "licence signature", async (_req, { actor, params }) => {
  const p = ZParams.safeParse(params);
  if (!p.success) return refuse("errors.not_found");
  const file = await getLicenceSignatureFile(getDb(), actor, p.data.id);
  return new Response(Buffer.from(file.cms), {
    headers: fileHeaders({ fileName: file.fileName, contentType: "application/pkcs7-signature" }),
  });
});
