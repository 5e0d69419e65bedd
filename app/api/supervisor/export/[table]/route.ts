import type { NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/platform/db";
import { attachmentDisposition, CSV_DIALECTS, EXPORT_TABLES, exportTable, toCsv, type TExportTable } from "@/lib/oversight/reports";
import { allowed, DOWNLOAD_HEADERS, errorResponse, exportContext, failure } from "../../_lib/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ table: z.enum(EXPORT_TABLES) });

const PERMISSION: Record<TExportTable, "dashboard.read" | "audit.read" | "complaint.handle"> = {
  "deadline-breakdown": "dashboard.read",
  "deadline-list": "dashboard.read",
  indicators: "dashboard.read",
  "indicator-rows": "dashboard.read",
  trend: "dashboard.read",
  steps: "dashboard.read",
  complaints: "complaint.handle",
  audit: "audit.read",
};

/**
 * GET /api/supervisor/export/<table>?locale=ru&…the page's query…: the dashboard table as CSV
 * (UTF-8 with BOM; ";" and a decimal comma for kk/ru, "," and a decimal point for en; RFC 4180
 * quoting; formula-injection safe), scoped to the session actor exactly like the page.
 */
export async function GET(req: NextRequest, ctx: { params: Promise<{ table: string }> }) {
  try {
    const p = ZParams.safeParse(await ctx.params);
    if (!p.success) return failure("errors.not_found");
    const c = await exportContext(req.nextUrl);
    if (c instanceof Response) return c;
    if (!allowed(c.actor, PERMISSION[p.data.table])) return failure("errors.not_found");
    const r = await exportTable(getDb(), c.actor, { table: p.data.table, query: c.query, now: new Date(), locale: c.locale, t: c.t });
    return new Response(toCsv(r.header, r.rows, CSV_DIALECTS[c.locale]), {
      status: 200,
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachmentDisposition(r.fileName), ...DOWNLOAD_HEADERS },
    });
  } catch (e) {
    return errorResponse(e, "supervisor CSV export");
  }
}
