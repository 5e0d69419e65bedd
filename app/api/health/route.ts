import { route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { logger } from "@/lib/platform/log";

export const dynamic = "force-dynamic";

/** Liveness and database check for load balancers and the start script. */
export const GET = route({ public: "load balancers and the start script" }, "health check", async () => {
  const started = Date.now();
  try {
    await getDb().$queryRaw`select 1`;
    return Response.json({ status: "ok", database: "ok", latencyMs: Date.now() - started });
  } catch (e) {
    logger.error({ err: e }, "health check: database unreachable");
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
});
