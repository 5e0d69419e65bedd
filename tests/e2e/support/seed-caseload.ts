/**
 * Loads the demo caseload (prisma/seed/demo-caseload) into the e2e database, as the first
 * `npm start` does; the e2e server leaves it out so that the journeys keep quiet queues. Prints one
 * JSON line: whether it was loaded now, and a licence holder's BIN for the verification page.
 *   npx tsx tests/e2e/support/seed-caseload.ts
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { e2eDatabaseUrl, failAndExit, printAndExit, runSeedScript } from "./seed-submitted";

const here = fileURLToPath(import.meta.url);

export type CaseloadSeed = { loaded: boolean; applications: number; holderBin: string | null };

export function seedCaseload(): CaseloadSeed {
  return runSeedScript<CaseloadSeed>(here, []);
}

async function seed(): Promise<CaseloadSeed> {
  const { createDb } = await import("@/lib/platform/db");
  const { loadDemoCaseload } = await import("../../../prisma/seed/demo-caseload");
  const db = createDb(e2eDatabaseUrl());
  try {
    const r = await loadDemoCaseload(db, { now: new Date(), scale: Number(process.env.E2E_CASELOAD_SCALE ?? 0.5), log: (m) => console.error(m) });
    const licence = await db.licence.findFirst({ where: { status: "ACTIVE", holderIdentifier: "050340000009" }, select: { holderIdentifier: true } });
    return { loaded: r.loaded, applications: r.applications, holderBin: licence?.holderIdentifier ?? null };
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) seed().then(printAndExit, failAndExit);
