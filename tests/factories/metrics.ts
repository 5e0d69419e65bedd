import { wholeWorkingMinutes } from "@/lib/law/calendar";
import type { ApplicationStatus, Db, Variant } from "@/lib/platform/db";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";
import { createSubject, createUser } from "./index";

/**
 * Factories for dashboards and indicators: rows written directly with fixed instants (no
 * workflow), so every indicator can be checked to the exact value.
 */
export async function orgByCode(db: Db, code: string) {
  return db.organisation.findUniqueOrThrow({ where: { code } });
}

/** An applicant (subject and user) to own applications. */
export async function createApplicant(db: Db) {
  const subject = await createSubject(db);
  const { actor, user } = await createUser(db, "APPLICANT", { subjectId: subject.id });
  return { subject, actor, user };
}

let n = 0;

export type TAppSpec = {
  organisationId: string;
  subjectId: string;
  createdById: string;
  status: ApplicationStatus;
  serviceCode?: string;
  variant?: Variant;
  dueAt?: Date | null;
  closedAt?: Date | null;
  deemedIssuedAt?: Date | null;
  stepKey?: string | null;
  assigneeId?: string | null;
  registrationNumber?: string | null;
};

export async function insertApplication(db: Db, s: TAppSpec) {
  const subject = await db.subject.findUniqueOrThrow({ where: { id: s.subjectId } });
  n++;
  return db.application.create({
    data: {
      registrationNumber: s.registrationNumber === undefined ? (s.status === "DRAFT" ? null : `EL-T${process.pid}-${String(n).padStart(6, "0")}-${Math.random().toString(36).slice(2, 6)}`) : s.registrationNumber,
      serviceCode: s.serviceCode ?? "scrap-metal-licence",
      variant: s.variant ?? "ISSUE",
      status: s.status,
      organisationId: s.organisationId,
      subjectId: s.subjectId,
      createdById: s.createdById,
      applicantName: subject.name,
      applicantIdentifier: subject.identifier,
      dueAt: s.dueAt ?? null,
      closedAt: s.closedAt ?? null,
      deemedIssuedAt: s.deemedIssuedAt ?? null,
      stepKey: s.stepKey ?? null,
      assigneeId: s.assigneeId ?? null,
      submittedAt: s.status === "DRAFT" ? null : new Date("2026-01-05T04:00:00Z"),
    },
  });
}

export async function insertStep(
  db: Db,
  s: { applicationId: string; seq: number; stepKey: string; role?: "OFFICE_CLERK" | "HEAD" | "EXECUTOR"; startedAt: Date; completedAt: Date | null; outcome?: string | null; assigneeId?: string | null; completedById?: string | null },
) {
  // As lib/cases/applications stores it on completion: working minutes of the organisation's calendar.
  const app = await db.application.findUniqueOrThrow({ where: { id: s.applicationId }, select: { organisationId: true } });
  const workingMinutes = s.completedAt ? wholeWorkingMinutes(await loadOrganisationCalendar(db, app.organisationId), s.startedAt, s.completedAt) : null;
  return db.applicationStep.create({
    data: {
      applicationId: s.applicationId,
      seq: s.seq,
      stepKey: s.stepKey,
      role: s.role ?? "EXECUTOR",
      startedAt: s.startedAt,
      completedAt: s.completedAt,
      outcome: s.outcome ?? null,
      assigneeId: s.assigneeId ?? null,
      completedById: s.completedById ?? null,
      workingMinutes,
    },
  });
}

/** A survey response as submitSurvey stores it (answers 1–3; Q3/Q4 may be null). */
export async function insertSurvey(db: Db, s: { applicationId: string; organisationId: string; serviceCode: string; q1: number; q2: number; q3: number | null; q4: number | null; at: Date }) {
  return db.surveyResponse.create({
    data: { applicationId: s.applicationId, organisationId: s.organisationId, serviceCode: s.serviceCode, q1Process: s.q1, q2Information: s.q2, q3Courtesy: s.q3, q4Appeal: s.q4, createdAt: s.at },
  });
}

/** A complaint in any state, with fixed instants. */
export async function insertComplaint(
  db: Db,
  s: { subjectId: string; organisationId: string; applicationId?: string | null; status: "REGISTERED" | "IN_REVIEW" | "ANSWERED" | "REJECTED"; acceptedAt: Date; dueAt: Date; answeredAt?: Date | null; satisfied?: number | null },
) {
  n++;
  return db.complaint.create({
    data: {
      ticketNumber: `C-T${process.pid}-${String(n).padStart(6, "0")}-${Math.random().toString(36).slice(2, 6)}`,
      subjectId: s.subjectId,
      organisationId: s.organisationId,
      applicationId: s.applicationId ?? null,
      kind: "IMPROPER_SERVICE",
      addressee: "Head",
      fullName: "Test Applicant",
      postalAddress: "Aktobe",
      body: "reasons",
      demands: "demands",
      status: s.status,
      acceptedAt: s.acceptedAt,
      dueAt: s.dueAt,
      answeredAt: s.answeredAt ?? null,
      satisfied: s.satisfied ?? null,
    },
  });
}

/** A supervisor of `organisationId` with the given scope. */
export async function createSupervisor(db: Db, organisationId: string, scope: "ORGANISATION" | "REGION" | "ALL") {
  return (await createUser(db, "SUPERVISOR", { organisationId, supervisorScope: scope })).actor;
}
