import type { Db } from "@/lib/platform/db";
import { seedCalendarYears, syncCatalogueAndOrganisations, syncRegulations } from "../../prisma/seed/reference-data";

/** The real catalogue, organisations, calendar and regulation versions, as `npm start` loads them. */
export async function loadReferenceData(db: Db) {
  await syncCatalogueAndOrganisations(db);
  await seedCalendarYears(db);
  await syncRegulations(db);
}
