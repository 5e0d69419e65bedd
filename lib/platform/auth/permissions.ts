import type { Role } from "@/lib/platform/db";
import { DomainError } from "@/lib/platform/core";
import type { Actor } from "./actor";

const APPLICANT = ["APPLICANT"] as const;
const STAFF = ["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR"] as const;
/** Public Service Centre staff: they accept and hand over, they do not process [004 L645-648, L758-760]. */
const PSC = ["PSC_OPERATOR", "PSC_HEAD"] as const;
const ALL = [...APPLICANT, ...STAFF, "SUPERVISOR", "ADMIN", ...PSC] as const;

/**
 * Permissions as data (style.md "Do" 4), the one source of authorisation: every server action
 * (`action(schema, fn, { permission })`), page (`requireActor(permission)`), route handler and API
 * operation names one of these; use cases check them again with `assertCan`. The workflow engine
 * adds only the regulation's step roles (who acts at which step). Anything not listed is denied.
 */
export const PERMISSIONS = {
  "account.self": ALL,
  "catalogue.read": ALL,
  // applicants
  "application.create": APPLICANT,
  "application.read_own": APPLICANT,
  "licence.read_own": APPLICANT,
  "application.submit": APPLICANT,
  "application.withdraw": APPLICANT,
  "payment.pay": APPLICANT,
  "survey.answer": APPLICANT,
  "complaint.file": APPLICANT,
  "api_token.manage": APPLICANT,
  "pki.self_service": APPLICANT,
  // attachments: the applicant's own drafts, the clerk's walk-ins; reading within scope
  "document.attach": ["APPLICANT", "OFFICE_CLERK", "PSC_OPERATOR"],
  "document.read": [...APPLICANT, ...STAFF, "SUPERVISOR", ...PSC],
  // officers
  "worklist.read": STAFF,
  "registry.lookup": [...STAFF, "PSC_OPERATOR"],
  "application.read_org": [...STAFF, "SUPERVISOR"],
  "application.intake": ["OFFICE_CLERK", "PSC_OPERATOR"],
  "application.register": ["OFFICE_CLERK"],
  "application.assign": ["HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD"],
  "application.reassign_bulk": ["HEAD"],
  "application.review": ["EXECUTOR"],
  "decision.draft": ["EXECUTOR"],
  "decision.sign": ["HEAD", "DEPUTY_HEAD"],
  // At the sign step the signer may instead return the draft to the executor (`return_for_revision`).
  "decision.return": ["HEAD", "DEPUTY_HEAD"],
  // The draft licence PDF / refusal at the sign step, for the organisation's staff (scope: applicationScope).
  "decision.preview": STAFF,
  "licence.issue": ["OFFICE_CLERK"],
  // 003: the executor hands the grain licence over [003 L224-233].
  "licence.hand_over": ["OFFICE_CLERK", "EXECUTOR"],
  "licence.manage": ["HEAD", "DEPUTY_HEAD"],
  "licence.read": [...APPLICANT, ...STAFF, "SUPERVISOR"],
  "licence.read_org": [...STAFF, "SUPERVISOR"],
  // Public Service Centres: the results queue (hand over, return after a month) and paper complaints
  "psc.results": PSC,
  "psc.complaint_accept": ["PSC_OPERATOR"],
  // oversight
  "oversight.area": ["SUPERVISOR", "HEAD", "ADMIN", "PSC_HEAD"],
  "complaint.handle": ["SUPERVISOR", "HEAD", "PSC_HEAD"],
  "complaint.export": ["SUPERVISOR", "HEAD", "ADMIN"],
  "dashboard.read": ["SUPERVISOR", "ADMIN"],
  "audit.read": ["SUPERVISOR", "ADMIN"],
  // administration
  "admin.area": ["ADMIN"],
  "admin.users": ["ADMIN"],
  "admin.organisations": ["ADMIN"],
  "admin.calendar": ["ADMIN"],
  "admin.regulations": ["ADMIN"],
  "admin.pki": ["ADMIN"],
  "admin.mailbox": ["ADMIN"],
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
    case "PSC_OPERATOR":
    case "PSC_HEAD":
      return "/psc";
    default:
      return "/officer";
  }
}
