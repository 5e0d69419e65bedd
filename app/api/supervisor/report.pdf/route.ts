import { route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { oversightReach } from "@/lib/platform/auth";
import { renderIndicatorsReport } from "@/lib/oversight/reports";
import { fileResponse } from "@/lib/platform/http";
import { exportContext } from "../_lib/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/supervisor/report.pdf?locale=kk&period=quarter&year=2026&quarter=1[&organisationId][&service]:
 * the quality indicators of the period as a printable PDF (Kazakh-capable font), scoped to the actor.
 */
export const GET = route({ permission: "dashboard.read" }, "supervisor PDF report", async (req, { actor }) => {
    const c = await exportContext(actor, new URL(req.url));
    if (c instanceof Response) return c;
    const { bytes, fileName } = await renderIndicatorsReport(getDb(), c.actor, { query: c.query, now: new Date(), locale: c.locale, t: c.t, scopeLabel: c.t(`supervisor.scope.${oversightReach(c.actor)}`) });
    return fileResponse(bytes, { fileName, contentType: "application/pdf" });
});
