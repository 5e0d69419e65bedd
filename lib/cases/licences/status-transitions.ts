import { DomainError } from "@/lib/platform/core";
import type { LicenceStatus } from "@/lib/platform/db";

export const LICENCE_STATUSES = ["ACTIVE", "SUSPENDED", "TERMINATED", "SUPERSEDED"] as const satisfies readonly LicenceStatus[];

/**
 * Allowed status changes as data. `supersede` is not an officer's action: only a re-issue
 * (issueLicence, variant REISSUE) supersedes a licence. TERMINATED and SUPERSEDED are final.
 */
export const LICENCE_TRANSITIONS = {
  suspend: { from: ["ACTIVE"], to: "SUSPENDED" },
  resume: { from: ["SUSPENDED"], to: "ACTIVE" },
  terminate: { from: ["ACTIVE", "SUSPENDED"], to: "TERMINATED" },
  supersede: { from: ["ACTIVE"], to: "SUPERSEDED" },
} as const satisfies Record<string, { from: readonly LicenceStatus[]; to: LicenceStatus }>;

export type TLicenceAction = keyof typeof LICENCE_TRANSITIONS;
/** Actions an officer with `licence.manage` may take by hand. */
export const MANUAL_LICENCE_ACTIONS = ["suspend", "resume", "terminate"] as const satisfies readonly TLicenceAction[];
export type TManualLicenceAction = (typeof MANUAL_LICENCE_ACTIONS)[number];

export function canTransition(action: TLicenceAction, from: LicenceStatus): boolean {
  return (LICENCE_TRANSITIONS[action].from as readonly LicenceStatus[]).includes(from);
}

/** The status after `action`, or `licences.transition_not_allowed`. */
export function nextLicenceStatus(action: TLicenceAction, from: LicenceStatus): LicenceStatus {
  if (!canTransition(action, from)) throw new DomainError("licences.transition_not_allowed", { action, from });
  return LICENCE_TRANSITIONS[action].to;
}

/** What an officer may do with a licence in `status` (for the UI). */
export function availableLicenceActions(status: LicenceStatus): TManualLicenceAction[] {
  return MANUAL_LICENCE_ACTIONS.filter((a) => canTransition(a, status));
}

/**
 * Which licences each application variant may build on: a re-issue, an annex and a duplicate
 * always refer to the current version (never a superseded or terminated one); a suspended
 * licence may get a duplicate (the holder lost the paper) but no re-issue or annex.
 */
export const BASE_STATUS_FOR_VARIANT = {
  REISSUE: ["ACTIVE"],
  REREGISTRATION: ["ACTIVE"],
  ANNEX: ["ACTIVE"],
  DUPLICATE: ["ACTIVE", "SUSPENDED"],
} as const satisfies Record<string, readonly LicenceStatus[]>;
