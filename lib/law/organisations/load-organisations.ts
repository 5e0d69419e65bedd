import organisationsJson from "./data/organisations.json";
import { deepFreeze, parseDataFile } from "@/lib/platform/core";
import { ZOrganisationsFile, type TOrganisation, type TOrganisationsFile } from "./schema";

export const ORGANISATIONS_FILE = "lib/law/organisations/data/organisations.json";

/** Validates an organisations file; throws an Error naming the file and field path. */
export function parseOrganisations(data: unknown, file: string = ORGANISATIONS_FILE): TOrganisationsFile {
  return parseDataFile(ZOrganisationsFile, data, file, "organisations");
}

// Parsed once at import: an invalid file fails the process at start-up, not at first use.
const FILE = deepFreeze(parseOrganisations(organisationsJson as unknown));
const BY_CODE = new Map(FILE.organisations.map((o) => [o.code, o]));

export function getOrganisations(): readonly TOrganisation[] {
  return FILE.organisations;
}

export function getOrganisation(code: string): TOrganisation | undefined {
  return BY_CODE.get(code);
}

/** Organisations that provide the service (committee for services 1–8, 10–13; regional bodies for scrap and grain). */
export function organisationsForService(serviceCode: string): readonly TOrganisation[] {
  return FILE.organisations.filter((o) => o.services.includes(serviceCode));
}
