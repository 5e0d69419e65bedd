import { z } from "zod";
import { refuse, route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { renderLicencePdf } from "@/lib/cases/licence-pdf";
import { getLicenceDocument, licenceVerifyUrl } from "@/lib/cases/licences";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().trim().min(1).max(64) });
const ZQuery = z.object({ duplicate: z.string().trim().min(1).max(64).optional() });

/**
 * The licence PDF for the holder and the issuing organisation's staff (supervisors in scope too);
 * anyone else gets 404. `?duplicate=<id>` renders that duplicate.
 * The QR code points at NEXTAUTH_URL (the portal's public URL) so re-rendering gives the same bytes.
 */
export const GET = route({ permission: "licence.read" }, "licence PDF", async (req, { actor, params }) => {
  const url = new URL(req.url);
  const p = ZParams.safeParse(params);
  const q = ZQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!p.success || !q.success) return refuse("errors.not_found");
  const doc = await getLicenceDocument(getDb(), actor, p.data.id, { duplicateId: q.data.duplicate });
  const base = process.env.NEXTAUTH_URL ?? url.origin;
  const bytes = await renderLicencePdf({ ...doc, verifyUrl: licenceVerifyUrl(base, doc.licence.number) });
  const name = `licence-${doc.licence.number}${doc.duplicate ? "-duplicate" : ""}.pdf`;
  return new Response(Buffer.from(bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${name}"`, "Cache-Control": "private, no-store" },
  });
});
