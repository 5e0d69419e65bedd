import mciJson from "./data/mci.json";
import servicesJson from "./data/services.json";
import { deepFreeze, parseDataFile } from "@/lib/platform/core";
import { ZCatalogue, ZMciTable, type TCatalogue, type TMciTable, type TService, type TVariant, type TVariantCode } from "./schema";

export const CATALOGUE_FILE = "lib/law/catalogue/data/services.json";
export const MCI_FILE = "lib/law/catalogue/data/mci.json";

/** Validates a catalogue file; throws an Error naming the file and the field path. */
export function parseCatalogue(data: unknown, file: string = CATALOGUE_FILE): TCatalogue {
  return parseDataFile(ZCatalogue, data, file, "services");
}

export function parseMciTable(data: unknown, file: string = MCI_FILE): TMciTable {
  return parseDataFile(ZMciTable, data, file, "values");
}

// Parsed once at import: a broken data file stops the app at start-up.
const CATALOGUE = deepFreeze(parseCatalogue(servicesJson as unknown));
const MCI = deepFreeze(parseMciTable(mciJson as unknown));
const BY_CODE = new Map(CATALOGUE.services.map((s) => [s.code, s]));

export function getCatalogue(): TCatalogue {
  return CATALOGUE;
}

export function getService(code: string): TService | undefined {
  return BY_CODE.get(code);
}

export function getMciTable(): TMciTable {
  return MCI;
}

export function getVariant(service: TService, variant: TVariantCode): TVariant | undefined {
  return service.variants.find((v) => v.code === variant);
}
