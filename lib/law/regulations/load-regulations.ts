import { formatFieldErrors, parseRegulationFile } from "./parse-regulation-file";
import type { TRegulationVersion } from "./schema";
import { findScopeConflicts, type TFieldError } from "./validate-versions";

export type TDataFile = { file: string; data: unknown };

/** Thrown at start-up: a broken data file must stop the app with the file and the field named. */
export class RegulationDataError extends Error {
  readonly errors: readonly TFieldError[];
  constructor(errors: readonly TFieldError[]) {
    super(`Invalid regulation data:\n${formatFieldErrors(errors)}`);
    this.name = "RegulationDataError";
    this.errors = errors;
  }
}

/** Validates every file, then the versions across files (no overlapping validity for one scope). */
export function loadRegulationFiles(files: readonly TDataFile[]): TRegulationVersion[] {
  const errors: TFieldError[] = [];
  const located: { file: string; index: number; version: TRegulationVersion }[] = [];
  for (const { file, data } of files) {
    if (typeof data !== "object" || data === null || !("versions" in data)) {
      errors.push({ file, path: "versions", message: "a data file holds { versions: [...] }" });
      continue;
    }
    const r = parseRegulationFile(data, { file });
    if (!r.ok) errors.push(...r.errors);
    else r.versions.forEach((version, index) => located.push({ file, index, version }));
  }
  errors.push(...findScopeConflicts(located));
  if (errors.length) throw new RegulationDataError(errors);
  return located.map((l) => deepFreeze(l.version));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
