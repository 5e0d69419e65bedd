import type { Role } from "@/lib/platform/db";
import { DomainError } from "@/lib/platform/core";
import type { Actor } from "./actor";

/** Permissions as data (style.md "Do" 4): resource.action → roles. Anything not listed is denied. */
export const PERMISSIONS = {
  "catalogue.read": ["APPLICANT", "OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR", "SUPERVISOR", "ADMIN"],
  "application.create": ["APPLICANT"],
  "application.read_own": ["APPLICANT"],
  "application.withdraw": ["APPLICANT"],
  "application.read_org": ["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR", "SUPERVISOR"],
  "application.intake": ["OFFICE_CLERK"],
  "application.register": ["OFFICE_CLERK"],
  "application.assign": ["HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD"],
  "application.reassign_bulk": ["HEAD"],
  "application.review": ["EXECUTOR"],
  "decision.draft": ["EXECUTOR"],
  "decision.sign": ["HEAD", "DEPUTY_HEAD"],
  "licence.issue": ["OFFICE_CLERK"],
  "licence.manage": ["HEAD", "DEPUTY_HEAD"],
  "licence.read_org": ["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR", "SUPERVISOR"],
  "complaint.file": ["APPLICANT"],
  "complaint.handle": ["SUPERVISOR", "HEAD"],
  "dashboard.read": ["SUPERVISOR", "ADMIN"],
  "audit.read": ["SUPERVISOR", "ADMIN"],
  "admin.users": ["ADMIN"],
  "admin.organisations": ["ADMIN"],
  "admin.calendar": ["ADMIN"],
  "admin.regulations": ["ADMIN"],
  "admin.pki": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Fails closed: unknown permission, system actor without an explicit grant, or a missing role → false. */
export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor || actor.kind !== "user") return false;
  const roles = PERMISSIONS[permission] as readonly Role[] | undefined;
  return roles?.includes(actor.role) ?? false;
}

export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Extract<Actor, { kind: "user" }> {
  if (!can(actor, permission)) throw new DomainError("auth.forbidden", { permission });
}

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  switch (role) {
    case "APPLICANT":
      return "/applicant";
    case "SUPERVISOR":
      return "/supervisor";
    case "ADMIN":
      return "/admin";
    default:
      return "/officer";
  }
}
