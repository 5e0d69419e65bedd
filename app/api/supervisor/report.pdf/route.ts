import type { NextRequest } from "next/server";
import { getDb } from "@/lib/platform/db";
import { attachmentDisposition, renderIndicatorsReport } from "@/lib/oversight/reports";
import { allowed, DOWNLOAD_HEADERS, errorResponse, exportContext, failure } from "../_lib/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/supervisor/report.pdf?locale=kk&period=quarter&year=2026&quarter=1[&organisationId][&service]:
 * the quality indicators of the period as a printable PDF (Kazakh-capable font), scoped to the actor.
 */
export async function GET(req: NextRequest) {
  try {
    const c = await exportContext(req.nextUrl);
    if (c instanceof Response) return c;
    if (!allowed(c.actor, "dashboard.read")) return failure("errors.not_found");
    const scope = c.actor.role === "ADMIN" ? "ALL" : (c.actor.supervisorScope ?? "ORGANISATION");
    const { bytes, fileName } = await renderIndicatorsReport(getDb(), c.actor, { query: c.query, now: new Date(), locale: c.locale, t: c.t, scopeLabel: c.t(`supervisor.scope.${scope}`) });
    return new Response(Buffer.from(bytes), {
      status: 200,
      headers: { "Content-Type": "application/pdf", "Content-Disposition": attachmentDisposition(fileName).replace(/^attachment/, "inline"), ...DOWNLOAD_HEADERS },
    });
  } catch (e) {
    return errorResponse(e, "supervisor PDF report");
  }
}
