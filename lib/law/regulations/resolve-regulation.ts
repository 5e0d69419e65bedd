import { almatyDate } from "@/lib/platform/i18n";
import { DomainError } from "@/lib/platform/core";
import type { TRegulationVersion } from "./schema";
import type { TVariant } from "./vocabulary";

export type ResolveRegulationOptions = {
  serviceCode: string;
  variant: TVariant;
  organisationCode: string;
  region: string;
  /** Registration instant; the local date in Asia/Almaty decides which version is in force. */
  at: Date;
};


/** YYYY-MM-DD of the instant in Kazakhstan (validity periods are local calendar days). */
export function localIsoDate(at: Date): string {
  return almatyDate(at);
}

export function isInForce(v: TRegulationVersion, day: string): boolean {
  return v.effectiveFrom <= day && (v.effectiveTo === null || day <= v.effectiveTo);
}

/**
 * The version in force at `at` for this provider: a regulation bound to the organisation, else one
 * bound to its region, else the default regulation of the service. Throws
 * `workflow.regulation_not_found` when none applies.
 */
export function resolveIn(all: readonly TRegulationVersion[], o: ResolveRegulationOptions): TRegulationVersion {
  const day = localIsoDate(o.at);
  const candidates = all.filter((v) => v.scope.serviceCode === o.serviceCode && v.scope.variants.includes(o.variant) && isInForce(v, day));
  const found =
    candidates.find((v) => v.scope.organisationCode === o.organisationCode) ??
    candidates.find((v) => !v.scope.organisationCode && v.scope.region === o.region) ??
    candidates.find((v) => v.kind === "default");
  if (!found) {
    throw new DomainError("workflow.regulation_not_found", { serviceCode: o.serviceCode, variant: o.variant, organisationCode: o.organisationCode, day });
  }
  return found;
}

export function getIn(all: readonly TRegulationVersion[], id: string, version: number): TRegulationVersion {
  const found = all.find((v) => v.id === id && v.version === version);
  if (!found) throw new DomainError("workflow.regulation_not_found", { id, version });
  return found;
}
