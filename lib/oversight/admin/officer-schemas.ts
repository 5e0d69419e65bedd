import { z } from "zod";
import { ZIin } from "@/lib/platform/core";
import { optional, optionalEmail, required } from "./organisation-schemas";

/** Roles an administrator can give: every staff role, supervisors and administrators (never APPLICANT). */
export const OFFICER_ROLES = ["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR", "SUPERVISOR", "ADMIN"] as const;
export type TOfficerRole = (typeof OFFICER_ROLES)[number];
/** Heads and their deputies sign decisions, when given the right. */
export const SIGNING_ROLES: readonly TOfficerRole[] = ["HEAD", "DEPUTY_HEAD"];
export const SUPERVISOR_SCOPES = ["ORGANISATION", "REGION", "ALL"] as const;
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Staff logins: lower case, at least one letter. Applicants sign in with their 12-digit IIN/BIN,
 * so an all-digit staff login could block a later registration.
 */
export const ZLogin = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { message: "admin.login_format" })
  .max(64, { message: "admin.login_format" })
  .regex(/^(?=.*[a-z])[a-z0-9][a-z0-9._-]*$/, { message: "admin.login_format" });

const ZPasswordChoice = {
  /** "generate": the server makes one and shows it once; "set": the administrator types it. */
  passwordMode: z.enum(["generate", "set"]),
  password: z.string().max(200, { message: "validation.too_big" }).nullish(),
};

type RoleFields = { role: TOfficerRole; organisationId?: string | null; canSign: boolean; supervisorScope?: string | null };

/** Rules that tie role, organisation, signing right and supervisor scope together. */
function checkRoleFields(v: RoleFields, ctx: z.RefinementCtx) {
  if (v.role !== "ADMIN" && !v.organisationId) ctx.addIssue({ code: "custom", path: ["organisationId"], message: "admin.organisation_required" });
  if (v.canSign && !SIGNING_ROLES.includes(v.role)) ctx.addIssue({ code: "custom", path: ["canSign"], message: "admin.sign_right_role" });
  if (v.role === "SUPERVISOR" && !v.supervisorScope) ctx.addIssue({ code: "custom", path: ["supervisorScope"], message: "admin.supervisor_scope_required" });
  if (v.role !== "SUPERVISOR" && v.supervisorScope) ctx.addIssue({ code: "custom", path: ["supervisorScope"], message: "admin.supervisor_scope_role" });
}

function checkPassword(v: { passwordMode: "generate" | "set"; password?: string | null }, ctx: z.RefinementCtx) {
  if (v.passwordMode === "set" && (v.password ?? "").length < MIN_PASSWORD_LENGTH)
    ctx.addIssue({ code: "custom", path: ["password"], message: "validation.password_too_short" });
}

const roleFields = {
  role: z.enum(OFFICER_ROLES),
  organisationId: z.uuid().nullish(),
  canSign: z.boolean().default(false),
  supervisorScope: z.enum(SUPERVISOR_SCOPES).nullish(),
};

export const ZCreateOfficerInput = z
  .object({
    login: ZLogin,
    surname: required(100),
    givenName: required(100),
    patronymic: optional(100),
    iin: ZIin,
    email: optionalEmail,
    phone: optional(30),
    position: optional(200),
    ...roleFields,
    ...ZPasswordChoice,
  })
  .superRefine((v, ctx) => {
    checkRoleFields(v, ctx);
    checkPassword(v, ctx);
  });
export type TCreateOfficerInput = z.input<typeof ZCreateOfficerInput>;

export const ZUpdateOfficerInput = z
  .object({ id: z.uuid(), ...roleFields, expectedUpdatedAt: z.iso.datetime().nullish() })
  .superRefine((v, ctx) => checkRoleFields(v, ctx));
export type TUpdateOfficerInput = z.input<typeof ZUpdateOfficerInput>;

export const ZSetOfficerActiveInput = z.object({ id: z.uuid(), active: z.boolean() });
export type TSetOfficerActiveInput = z.input<typeof ZSetOfficerActiveInput>;

export const ZResetOfficerPasswordInput = z.object({ id: z.uuid(), ...ZPasswordChoice }).superRefine((v, ctx) => checkPassword(v, ctx));
export type TResetOfficerPasswordInput = z.input<typeof ZResetOfficerPasswordInput>;

const ZQueryBool = z.enum(["true", "false"]).transform((s) => s === "true");

/** Filters of the officers list (search params: strings; unknown values are dropped by the page). */
export const ZOfficerListQuery = z.object({
  organisationId: z.uuid().optional().catch(undefined),
  role: z.enum(OFFICER_ROLES).optional().catch(undefined),
  active: ZQueryBool.optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type TOfficerListQuery = z.output<typeof ZOfficerListQuery>;
