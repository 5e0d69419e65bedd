import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/app/_server/session";
import { isDomainError } from "@/lib/platform/core";
import { getDb } from "@/lib/platform/db";
import { renderLicencePdf } from "@/lib/cases/licence-pdf";
import { getLicenceDocument, licenceVerifyUrl } from "@/lib/cases/licences";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().trim().min(1).max(64) });
const ZQuery = z.object({ duplicate: z.string().trim().min(1).max(64).optional() });

const notFound = () => NextResponse.json({ error: "errors.not_found" }, { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * The licence PDF for the holder and the issuing organisation's staff (supervisors in scope too);
 * anyone else, signed in or not, gets 404. `?duplicate=<id>` renders that duplicate.
 * The QR code points at NEXTAUTH_URL (the portal's public URL) so re-rendering gives the same bytes.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const p = ZParams.safeParse(await params);
  const q = ZQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!p.success || !q.success) return notFound();
  const actor = await getActor();
  if (!actor) return notFound();
  try {
    const doc = await getLicenceDocument(getDb(), actor, p.data.id, { duplicateId: q.data.duplicate });
    const base = process.env.NEXTAUTH_URL ?? req.nextUrl.origin;
    const bytes = await renderLicencePdf({ ...doc, verifyUrl: licenceVerifyUrl(base, doc.licence.number) });
    const name = `licence-${doc.licence.number}${doc.duplicate ? "-duplicate" : ""}.pdf`;
    return new NextResponse(Buffer.from(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.code === "errors.not_found") return notFound();
    throw e;
  }
}
