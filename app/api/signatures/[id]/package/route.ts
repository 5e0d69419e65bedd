import { z } from "zod";
import { route } from "@/app/_server/route";
import { pathParams } from "@/app/_server/route-params";
import { getDb } from "@/app/_server/db";
import { getSignedPackage } from "@/lib/cases/signed-packages";
import { fileResponse } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().uuid() });

/**
 * A signed request or decision as one `.p7s` (CMS SignedData with the signed bytes inside):
 * `openssl cms -verify -inform DER -in file.p7s -CAfile elicense-sandbox-ca.pem` (from /api/pki/ca)
 * checks it and writes out the content. Same scope as the application; anyone else: 404.
 */
export const GET = route({ permission: "licence.read" }, "signed package", async (_req, { actor, params }) => {
  const { id } = pathParams(ZParams, params);
  const pkg = await getSignedPackage(getDb(), actor, id);
  return fileResponse(pkg.der, { fileName: pkg.fileName, contentType: "application/pkcs7-mime; smime-type=signed-data" });
});
