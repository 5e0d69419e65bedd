import type { Role, SupervisorScope } from "@/lib/platform/db";

/** Who is acting: built from the session on every request, never from client input. */
export type Actor =
  | {
      kind: "user";
      userId: string;
      role: Role;
      name: string;
      organisationId: string | null;
      /** Region of the organisation, for supervisors with a regional scope. */
      region: string | null;
      supervisorScope: SupervisorScope | null;
      subjectId: string | null;
      canSign: boolean;
    }
  | { kind: "system"; job: string };

export type UserActor = Extract<Actor, { kind: "user" }>;

/** Every role code, e.g. to tell a role code from a free-text position. */
export const ROLES = ["APPLICANT", "OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR", "SUPERVISOR", "ADMIN", "PSC_OPERATOR", "PSC_HEAD"] as const satisfies readonly Role[];

export function isRole(value: string | null | undefined): value is Role {
  return !!value && (ROLES as readonly string[]).includes(value);
}

export const STAFF_ROLES = ["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR"] as const;

export function isStaff(actor: Actor): boolean {
  return actor.kind === "user" && (STAFF_ROLES as readonly string[]).includes(actor.role);
}

export function systemActor(job: string): Actor {
  return { kind: "system", job };
}
