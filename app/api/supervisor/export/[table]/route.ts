import { refuse, route } from "@/app/_server/route";
import { can, type Permission } from "@/lib/platform/auth";
import { z } from "zod";
import { getDb } from "@/app/_server/db";
import { CSV_DIALECTS, EXPORT_TABLES, exportTable, toCsv, type TExportTable } from "@/lib/oversight/reports";
import { fileHeaders } from "@/lib/platform/http";
import { exportContext } from "../../_lib/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ table: z.enum(EXPORT_TABLES) });

const PERMISSION: Record<TExportTable, Permission> = {
  "deadline-breakdown": "dashboard.read",
  "deadline-list": "dashboard.read",
  indicators: "dashboard.read",
  "indicator-rows": "dashboard.read",
  trend: "dashboard.read",
  steps: "dashboard.read",
  complaints: "complaint.export",
  audit: "audit.read",
};

/**
 * GET /api/supervisor/export/<table>?locale=ru&…the page's query…: the dashboard table as CSV
 * (UTF-8 with BOM; ";" and a decimal comma for kk/ru, "," and a decimal point for en; RFC 4180
 * quoting; formula-injection safe), scoped to the session actor exactly like the page.
 */
export const GET = route({ permission: "oversight.area" }, "supervisor CSV export", async (req, { actor, params }) => {
  const p = ZParams.safeParse(params);
  // Each table has its own permission; out of role = not found, as for a table that does not exist.
  if (!p.success || !can(actor, PERMISSION[p.data.table])) return refuse("errors.not_found");
  const c = await exportContext(actor, new URL(req.url));
  if (c instanceof Response) return c;
  const r = await exportTable(getDb(), c.actor, { table: p.data.table, query: c.query, now: new Date(), locale: c.locale, t: c.t });
  return new Response(toCsv(r.header, r.rows, CSV_DIALECTS[c.locale]), {
    status: 200,
    headers: fileHeaders({ fileName: r.fileName, contentType: "text/csv; charset=utf-8" }),
  });
});
