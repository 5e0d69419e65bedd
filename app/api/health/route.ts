import { NextResponse } from "next/server";
import { getDb } from "@/lib/platform/db";
import { logger } from "@/lib/platform/log";

export const dynamic = "force-dynamic";

/** Liveness and database check for load balancers and the start script. */
export async function GET() {
  const started = Date.now();
  try {
    await getDb().$queryRaw`select 1`;
    return NextResponse.json({ status: "ok", database: "ok", latencyMs: Date.now() - started });
  } catch (e) {
    logger.error({ err: e }, "health check: database unreachable");
    return NextResponse.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
