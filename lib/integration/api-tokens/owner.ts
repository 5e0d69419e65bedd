import { DomainError } from "@/lib/platform/core";
import type { Actor, UserActor } from "@/lib/platform/auth";

/**
 * Tokens act as an applicant through the REST API, so only applicants linked to a subject hold
 * them. Staff use the portal itself (their actions need EDS and organisational scope).
 */
export function assertTokenOwner(actor: Actor | null | undefined): asserts actor is UserActor {
  if (!actor || actor.kind !== "user" || actor.role !== "APPLICANT") throw new DomainError("auth.forbidden", { permission: "api_token.manage" });
  if (!actor.subjectId) throw new DomainError("auth.no_subject");
}
