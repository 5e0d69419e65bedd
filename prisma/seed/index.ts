// Reference data (always synced from the data files) and demo data: only in demo mode (DEMO_MODE=1,
// which `npm start` sets by default; issue 13, F7), and DEMO_DATA=0 skips it there too.
import { getDb } from "@/lib/platform/db";
import { isDemoMode } from "@/lib/platform/demo";
import { rebuildMetricSummaries } from "@/lib/oversight/metrics";
import { seedDemoAccounts } from "./demo-accounts";
import { seedDemoCertificates } from "./demo-certificates";
import { loadDemoCaseload } from "./demo-caseload";
import { seedCalendarYears, syncCatalogueAndOrganisations, syncRegulations } from "./reference-data";

async function main() {
  const db = getDb();
  try {
    const ref = await syncCatalogueAndOrganisations(db);
    const cal = await seedCalendarYears(db);
    const regs = await syncRegulations(db);
    console.log(`[seed] regulation versions created: ${regs.created}`);
    if (regs.changed.length) console.warn(`[seed] regulation files changed for existing versions (not applied; add a new version instead): ${regs.changed.join(", ")}`);
    console.log(`[seed] catalogue: ${ref.services} services, ${ref.organisations} organisations; calendar years created: ${cal.created}`);
    if (isDemoMode(process.env) && process.env.DEMO_DATA !== "0") {
      const demo = await seedDemoAccounts(db);
      console.log(`[seed] demo mode: demo accounts (published passwords) are loaded; never use DEMO_MODE=1 in production`);
      console.log(`[seed] demo accounts created: ${demo.created}`);
      const certs = await seedDemoCertificates(db, { now: new Date() });
      console.log(`[seed] demo EDS certificates created: ${certs.created}, revoked: ${certs.revoked}`);
      if (process.env.DEMO_CASELOAD !== "0") {
        const caseload = await loadDemoCaseload(db, { now: new Date(), scale: Number(process.env.DEMO_CASELOAD_SCALE ?? 1), log: (m) => console.log(`[seed] ${m}`) });
        console.log(caseload.loaded ? `[seed] demo caseload loaded: ${caseload.applications} applications in ${caseload.seconds} s` : `[seed] demo caseload not loaded: ${caseload.reason}`);
      }
    }
    // Steps completed before the workingMinutes column need the organisation calendars, which the SQL
    // migration cannot read: fill them once and recompute the summaries (the start command seeds).
    const missing = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ApplicationStep" WHERE "workingMinutes" IS NULL AND metrics_step_counted("completedAt", "outcome")`;
    if ((missing[0]?.n ?? 0) > 0) {
      const summaries = await rebuildMetricSummaries(db, new Date());
      console.log(`[seed] dashboard summaries rebuilt; step working times filled: ${summaries.stepsBackfilled}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error("[seed] failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
