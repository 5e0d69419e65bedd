import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/app/_server/session";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/lib/platform/db";
import { getLicencePdfFile } from "@/lib/cases/licence-signing";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().trim().min(1).max(64) });
const ZQuery = z.object({ duplicate: z.string().trim().min(1).max(64).optional() });

const notFound = () => NextResponse.json({ error: "errors.not_found" }, { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * The licence PDF for the holder and the issuing organisation's staff (supervisors in scope too);
 * anyone else, signed in or not, gets 404. `?duplicate=<id>` gives that duplicate. The register's
 * document byte for byte (PAdES-signed, or deemed issued), so standard tools verify the download.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const p = ZParams.safeParse(await params);
  const q = ZQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!p.success || !q.success) return notFound();
  const actor = await getActor();
  if (!actor) return notFound();
  try {
    const file = await getLicencePdfFile(getDb(), actor, p.data.id, { duplicateId: q.data.duplicate, now: new Date() });
    return new NextResponse(Buffer.from(file.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.code === "errors.not_found") return notFound();
    throw e;
  }
}
