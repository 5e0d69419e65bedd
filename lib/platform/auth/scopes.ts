import { DomainError } from "@/lib/platform/core";
import type { Actor } from "./actor";

/**
 * Where-fragments that scope every read and write to what the actor may see (style.md "Do" 3).
 * A record outside the scope is simply not found.
 */
export type ApplicationScope = { subjectId?: string; organisationId?: string; organisation?: { region: string }; pscId?: string };

export function applicationScope(actor: Actor): ApplicationScope {
  if (actor.kind === "system") return {};
  switch (actor.role) {
    case "APPLICANT":
      if (!actor.subjectId) throw new DomainError("auth.no_subject");
      return { subjectId: actor.subjectId };
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

function supervisorScope(actor: Extract<Actor, { kind: "user" }>): ApplicationScope {
  if (actor.supervisorScope === "ALL") return {};
  if (actor.supervisorScope === "REGION" && actor.region) return { organisation: { region: actor.region } };
  if (!actor.organisationId) throw new DomainError("auth.no_organisation");
  return { organisationId: actor.organisationId };
}

/** Licences: the holder sees their own; staff see their organisation's. */
export function licenceScope(actor: Actor) {
  if (actor.kind === "user" && actor.role === "APPLICANT") {
    if (!actor.subjectId) throw new DomainError("auth.no_subject");
    return { holderId: actor.subjectId };
  }
  return applicationScope(actor) as Record<string, unknown>;
}

/** Organisations whose records the actor may see (undefined = all). */
export function organisationFilter(actor: Actor): { id?: string; region?: string } {
  if (actor.kind === "system") return {};
  if (actor.role === "ADMIN" || (actor.role === "SUPERVISOR" && actor.supervisorScope === "ALL")) return {};
  if (actor.role === "SUPERVISOR" && actor.supervisorScope === "REGION" && actor.region) return { region: actor.region };
  if (!actor.organisationId) throw new DomainError("auth.no_organisation");
  return { id: actor.organisationId };
}
