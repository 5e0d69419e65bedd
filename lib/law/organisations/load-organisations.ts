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

const PROVIDERS = FILE.organisations.filter((o) => o.kind !== "psc");
const PSCS = FILE.organisations.filter((o) => o.kind === "psc");

/** The service providers (the Committee and the regional bodies); Public Service Centres are `getPublicServiceCentres`. */
export function getOrganisations(): readonly TOrganisation[] {
  return PROVIDERS;
}

/** The Public Service Centres (ХҚО / ЦОН) of the data file [004 L558-566]. */
export function getPublicServiceCentres(): readonly TOrganisation[] {
  return PSCS;
}

/** The PSCs that accept paper packages for the service (standard 2 only [004 L645-648]). */
export function pscsForService(serviceCode: string): readonly TOrganisation[] {
  return PSCS.filter((o) => o.acceptsFor.includes(serviceCode));
}

export function getOrganisation(code: string): TOrganisation | undefined {
  return BY_CODE.get(code);
}

/** Organisations that provide the service (committee for services 1–8, 10–13; regional bodies for scrap and grain). */
export function organisationsForService(serviceCode: string): readonly TOrganisation[] {
  return PROVIDERS.filter((o) => o.services.includes(serviceCode));
}
