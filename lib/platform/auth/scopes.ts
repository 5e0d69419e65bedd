import { DomainError } from "@/lib/platform/core";
import type { Actor } from "./actor";

/**
 * Where-fragments that scope every read and write to what the actor may see (style.md "Do" 3).
 * A record outside the scope is simply not found.
 */
type OrganisationScope = { organisationId?: string; organisation?: { region: string }; pscId?: string };
export type ApplicationScope = OrganisationScope & {
  subjectId?: string;
  /** For everyone but the applicant: not a portal draft (see `notAPortalDraft`). */
  OR?: NotAPortalDraft;
};

/**
 * Least privilege on drafts (issue 13, F8): an applicant's draft and its files are theirs alone
 * until submitted. Staff, supervisors and administrators see an application from its submission
 * on — or from its registration at the counter (walk-in, post, PSC), since such a draft is the
 * office's own work in progress. Applied here, at the data access, so that every query inherits it.
 */
type NotAPortalDraft = [{ status: { not: "DRAFT" } }, { channel: { not: "PORTAL" } }];
const notAPortalDraft = (): NotAPortalDraft => [{ status: { not: "DRAFT" } }, { channel: { not: "PORTAL" } }];

export function applicationScope(actor: Actor): ApplicationScope {
  if (actor.kind === "system") return {};
  if (actor.role === "APPLICANT") {
    if (!actor.subjectId) throw new DomainError("auth.no_subject");
    return { subjectId: actor.subjectId };
  }
  return { ...staffOrganisationScope(actor), OR: notAPortalDraft() };
}

/** The organisations whose applications and licences a non-applicant may see. */
function staffOrganisationScope(actor: Extract<Actor, { kind: "user" }>): OrganisationScope {
  switch (actor.role) {
    case "SUPERVISOR":
      return supervisorScope(actor);
    case "ADMIN":
      return {};
    case "PSC_OPERATOR":
    case "PSC_HEAD":
      // A Public Service Centre sees the packages it accepted, whoever provides the service.
      if (!actor.organisationId) throw new DomainError("auth.no_organisation");
      return { pscId: actor.organisationId };
    default:
      if (!actor.organisationId) throw new DomainError("auth.no_organisation");
      return { organisationId: actor.organisationId };
  }
}

function supervisorScope(actor: Extract<Actor, { kind: "user" }>): OrganisationScope {
  if (actor.supervisorScope === "ALL") return {};
  if (actor.supervisorScope === "REGION" && actor.region) return { organisation: { region: actor.region } };
  if (!actor.organisationId) throw new DomainError("auth.no_organisation");
  return { organisationId: actor.organisationId };
}

/**
 * Licences: the holder sees their own; staff see their organisation's; a PSC those issued on the
 * packages it accepted (a licence has no PSC of its own: it goes through its application).
 */
export function licenceScope(actor: Actor) {
  if (actor.kind === "user" && actor.role === "APPLICANT") {
    if (!actor.subjectId) throw new DomainError("auth.no_subject");
    return { holderId: actor.subjectId };
  }
  if (actor.kind === "system") return {};
  const { pscId, ...organisation } = staffOrganisationScope(actor);
  return pscId ? { application: { pscId } } : (organisation as Record<string, unknown>);
}

/** How far an overseer sees, for labels: an administrator sees everything; a supervisor as assigned. */
export function oversightReach(actor: Extract<Actor, { kind: "user" }>): "ALL" | "REGION" | "ORGANISATION" {
  return actor.role === "ADMIN" ? "ALL" : (actor.supervisorScope ?? "ORGANISATION");
}

/** Organisations whose records the actor may see (undefined = all). */
export function organisationFilter(actor: Actor): { id?: string; region?: string } {
  if (actor.kind === "system") return {};
  if (actor.role === "ADMIN" || (actor.role === "SUPERVISOR" && actor.supervisorScope === "ALL")) return {};
  if (actor.role === "SUPERVISOR" && actor.supervisorScope === "REGION" && actor.region) return { region: actor.region };
  if (!actor.organisationId) throw new DomainError("auth.no_organisation");
  return { id: actor.organisationId };
}
