import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/app/_server/session";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/lib/platform/db";
import { getSignedPackage } from "@/lib/cases/signed-packages";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().uuid() });
const notFound = () => NextResponse.json({ error: "errors.not_found" }, { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * A signed request or decision as one `.p7s` (CMS SignedData with the signed bytes inside):
 * `openssl cms -verify -inform DER -in file.p7s -CAfile elicense-sandbox-ca.pem` (from /api/pki/ca)
 * checks it and writes out the content. Same scope as the application; anyone else: 404.
 */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const p = ZParams.safeParse(await params);
  if (!p.success) return notFound();
  const actor = await getActor();
  if (!actor) return notFound();
  try {
    const pkg = await getSignedPackage(getDb(), actor, p.data.id);
    return new NextResponse(Buffer.from(pkg.der), {
      headers: {
        "Content-Type": "application/pkcs7-mime; smime-type=signed-data",
        "Content-Disposition": `attachment; filename="${pkg.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e) && (e.code === "errors.not_found" || e.code === "licences.package_unavailable")) return notFound();
    throw e;
  }
}
