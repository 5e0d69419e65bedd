import type { TRegulationVersion } from "./schema";

export type TFieldError = { file?: string; path: string; message: string };

/** "Same scope" = same service and binding (organisation, region, or none = default) and at least one shared variant. */
function sameScope(a: TRegulationVersion, b: TRegulationVersion): boolean {
  if (a.scope.serviceCode !== b.scope.serviceCode) return false;
  if ((a.scope.organisationCode ?? null) !== (b.scope.organisationCode ?? null)) return false;
  if ((a.scope.region ?? null) !== (b.scope.region ?? null)) return false;
  return a.scope.variants.some((v) => b.scope.variants.includes(v));
}

/** Both ends inclusive; null effectiveTo = open-ended. ISO dates compare as strings. */
function overlaps(a: TRegulationVersion, b: TRegulationVersion): boolean {
  const aEndsBeforeB = a.effectiveTo !== null && a.effectiveTo < b.effectiveFrom;
  const bEndsBeforeA = b.effectiveTo !== null && b.effectiveTo < a.effectiveFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

export type TLocatedVersion = { file?: string; index?: number; version: TRegulationVersion };

/**
 * The validity periods of versions with the same scope must not overlap, otherwise "the version in
 * force at a date" would be ambiguous. Also rejects two files using the same id + version.
 */
export function findScopeConflicts(items: readonly TLocatedVersion[]): TFieldError[] {
  const errors: TFieldError[] = [];
  const path = (it: TLocatedVersion, field: string) => (it.index === undefined ? field : `versions[${it.index}].${field}`);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      const label = (it: TLocatedVersion) => `${it.version.id} v${it.version.version}${it.file ? ` (${it.file})` : ""}`;
      if (a.version.id === b.version.id && a.version.version === b.version.version) {
        errors.push({ file: b.file, path: path(b, "version"), message: `duplicate of ${label(a)}` });
        continue;
      }
      if (sameScope(a.version, b.version) && overlaps(a.version, b.version)) {
        errors.push({
          file: b.file,
          path: path(b, "effectiveFrom"),
          message: `validity ${b.version.effectiveFrom}..${b.version.effectiveTo ?? "open"} overlaps ${label(a)} (${a.version.effectiveFrom}..${a.version.effectiveTo ?? "open"}) with the same scope`,
        });
      }
    }
  }
  return errors;
}
