import { z } from "zod";
import { route } from "@/app/_server/route";
import { pathParams } from "@/app/_server/route-params";
import { getDb } from "@/app/_server/db";
import { getLicenceSignatureFile } from "@/lib/cases/licences";
import { fileResponse } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().trim().min(1).max(64) });

/** The detached CMS (.p7s) of the licence signature, with the same scoping as the PDF. */
export const GET = route({ permission: "licence.read" }, "licence signature", async (_req, { actor, params }) => {
  const file = await getLicenceSignatureFile(getDb(), actor, pathParams(ZParams, params).id);
  return fileResponse(file.cms, { fileName: file.fileName, contentType: "application/pkcs7-signature" });
});
