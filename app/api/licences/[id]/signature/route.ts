import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/app/_server/session";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/lib/platform/db";
import { getLicenceSignatureFile } from "@/lib/cases/licences";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().trim().min(1).max(64) });

const notFound = () => NextResponse.json({ error: "errors.not_found" }, { status: 404, headers: { "Cache-Control": "no-store" } });

/** The detached CMS (.p7s) of the licence signature, with the same scoping as the PDF. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const p = ZParams.safeParse(await params);
  if (!p.success) return notFound();
  const actor = await getActor();
  if (!actor) return notFound();
  try {
    const file = await getLicenceSignatureFile(getDb(), actor, p.data.id);
    return new NextResponse(Buffer.from(file.cms), {
      headers: {
        "Content-Type": "application/pkcs7-signature",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.code === "errors.not_found") return notFound();
    throw e;
  }
}
