import { z } from "zod";
import { refuse, route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { getSignedPackage } from "@/lib/cases/signed-packages";
import { fileHeaders } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().uuid() });

/**
 * A signed request or decision as one `.p7s` (CMS SignedData with the signed bytes inside):
 * `openssl cms -verify -inform DER -in file.p7s -CAfile elicense-sandbox-ca.pem` (from /api/pki/ca)
 * checks it and writes out the content. Same scope as the application; anyone else: 404.
 */
export const GET = route({ permission: "licence.read" }, "signed package", async (_req, { actor, params }) => {
  const p = ZParams.safeParse(params);
  if (!p.success) return refuse("errors.not_found");
  const pkg = await getSignedPackage(getDb(), actor, p.data.id);
  return new Response(Buffer.from(pkg.der), {
    headers: fileHeaders({ fileName: pkg.fileName, contentType: "application/pkcs7-mime; smime-type=signed-data" }),
  });
});
