import { describe, expect, it } from "vitest";
import { applicationScope, can, homePathFor, licenceScope, PERMISSIONS, type Actor } from "@/lib/platform/auth";

const user = (role: Extract<Actor, { kind: "user" }>["role"], extra: Partial<Extract<Actor, { kind: "user" }>> = {}): Actor => ({
  kind: "user",
  userId: "u1",
  role,
  name: "Test",
  organisationId: "org-a",
  region: "aktobe",
  supervisorScope: null,
  subjectId: null,
  canSign: false,
  ...extra,
});

describe("can()", () => {
  it("grants by the data table", () => {
    expect(can(user("HEAD"), "application.assign")).toBe(true);
    expect(can(user("EXECUTOR"), "decision.draft")).toBe(true);
    expect(can(user("OFFICE_CLERK"), "application.register")).toBe(true);
  });

  it("fails closed: wrong role, no actor, system actor, unknown permission", () => {
    expect(can(user("EXECUTOR"), "application.assign")).toBe(false);
    expect(can(user("APPLICANT"), "dashboard.read")).toBe(false);
    expect(can(null, "catalogue.read")).toBe(false);
    expect(can({ kind: "system", job: "sweep" }, "application.assign")).toBe(false);
    expect(can(user("ADMIN"), "no.such.permission" as keyof typeof PERMISSIONS)).toBe(false);
  });

  it("sends each role to its home", () => {
    expect(homePathFor("APPLICANT")).toBe("/applicant");
    expect(homePathFor("EXECUTOR")).toBe("/officer");
    expect(homePathFor("SUPERVISOR")).toBe("/supervisor");
    expect(homePathFor("ADMIN")).toBe("/admin");
  });
});

// Everyone but the applicant sees an application from its submission or walk-in registration on (issue 13, F8).
const notAPortalDraft = [{ status: { not: "DRAFT" } }, { channel: { not: "PORTAL" } }];

describe("applicationScope()", () => {
  it("scopes applicants to their subject (drafts included) and officers to their organisation (drafts excluded)", () => {
    expect(applicationScope(user("APPLICANT", { subjectId: "s1", organisationId: null }))).toEqual({ subjectId: "s1" });
    expect(applicationScope(user("EXECUTOR"))).toEqual({ organisationId: "org-a", OR: notAPortalDraft });
    expect(applicationScope(user("ADMIN"))).toEqual({ OR: notAPortalDraft });
  });

  it("scopes supervisors by organisation, region or nothing", () => {
    expect(applicationScope(user("SUPERVISOR", { supervisorScope: "ORGANISATION" }))).toEqual({ organisationId: "org-a", OR: notAPortalDraft });
    expect(applicationScope(user("SUPERVISOR", { supervisorScope: "REGION" }))).toEqual({ organisation: { region: "aktobe" }, OR: notAPortalDraft });
    expect(applicationScope(user("SUPERVISOR", { supervisorScope: "ALL" }))).toEqual({ OR: notAPortalDraft });
  });

  it("refuses an applicant without a subject and an officer without an organisation", () => {
    expect(() => applicationScope(user("APPLICANT", { subjectId: null }))).toThrow("auth.no_subject");
    expect(() => applicationScope(user("HEAD", { organisationId: null }))).toThrow("auth.no_organisation");
  });
});

describe("licenceScope()", () => {
  it("holders their own, officers their organisation's, a PSC the licences of the packages it accepted", () => {
    expect(licenceScope(user("APPLICANT", { subjectId: "s1" }))).toEqual({ holderId: "s1" });
    expect(licenceScope(user("HEAD", { organisationId: "o1" }))).toEqual({ organisationId: "o1" });
    expect(licenceScope(user("PSC_HEAD", { organisationId: "psc-1" }))).toEqual({ application: { pscId: "psc-1" } });
  });
});
