import { REGULATION_DATA_FILES } from "./data-files";
import { loadRegulationFiles } from "./load-regulations";
import { getIn, resolveIn, type ResolveRegulationOptions } from "./resolve-regulation";
import type { TRegulationVersion } from "./schema";

// Parsed once at import: a broken data file stops the process at start-up with the file and the
// field path in the message (RegulationDataError), not at the first application that needs it.
const ALL: readonly TRegulationVersion[] = loadRegulationFiles(REGULATION_DATA_FILES);

export function getRegulations(): readonly TRegulationVersion[] {
  return ALL;
}

/**
 * The regulation version in force at `at` (the registration instant) for this provider: regional
 * first (organisation, then region), then the service's default. Store `id` + `version` on the
 * application; later steps use `getRegulation`, never a newer version.
 */
export function resolveRegulation(options: ResolveRegulationOptions): TRegulationVersion {
  return resolveIn(ALL, options);
}

/** The exact version an application was registered under; throws `workflow.regulation_not_found`. */
export function getRegulation(id: string, version: number): TRegulationVersion {
  return getIn(ALL, id, version);
}
