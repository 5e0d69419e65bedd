import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { applicationScope, can, type Actor } from "@/lib/platform/auth";

export type TTimelineEntry =
  | { kind: "step"; at: Date; seq: number; stepKey: string; role: string; assignee: string | null; dueAt: Date | null; completedAt: Date | null; completedBy: string | null; outcome: string | null; alertLevel: string }
  | { kind: "event"; at: Date; id: string; type: string; actorName: string | null; actorRole: string; data: unknown };

/**
 * An application as a supervisor (or an administrator) may read it: scoped with
 * `applicationScope` (outside the scope → `errors.not_found`, a 404), with its steps and audit
 * events merged into one timeline in time order. No document contents, no form data.
 */
export async function getSupervisedApplication(db: DbOrTx, actor: Actor, id: string) {
  if (!can(actor, "dashboard.read")) throw new DomainError("errors.not_found");
  const app = await db.application.findFirst({
    where: { AND: [{ id }, applicationScope(actor)] },
    select: {
      id: true,
      registrationNumber: true,
      serviceCode: true,
      variant: true,
      channel: true,
      status: true,
      applicantName: true,
      applicantIdentifier: true,
      stepKey: true,
      stepRole: true,
      stepDueAt: true,
      deadlineLevel: true,
      submittedAt: true,
      registeredAt: true,
      dueAt: true,
      closedAt: true,
      deemedIssuedAt: true,
      organisation: { select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true } },
      assignee: { select: { surname: true, givenName: true } },
      steps: {
        orderBy: { seq: "asc" },
        select: {
          seq: true,
          stepKey: true,
          role: true,
          startedAt: true,
          dueAt: true,
          completedAt: true,
          outcome: true,
          alertLevel: true,
          assignee: { select: { surname: true, givenName: true } },
          completedBy: { select: { surname: true, givenName: true } },
        },
      },
    },
  });
  if (!app) throw new DomainError("errors.not_found");
  const events = await db.auditEvent.findMany({
    where: { applicationId: app.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, at: true, type: true, actorName: true, actorRole: true, data: true },
  });
  const name = (u: { surname: string; givenName: string } | null) => (u ? `${u.surname} ${u.givenName}` : null);
  const timeline: TTimelineEntry[] = [
    ...app.steps.map((s) => ({
      kind: "step" as const,
      at: s.startedAt,
      seq: s.seq,
      stepKey: s.stepKey,
      role: s.role,
      assignee: name(s.assignee),
      dueAt: s.dueAt,
      completedAt: s.completedAt,
      completedBy: name(s.completedBy),
      outcome: s.outcome,
      alertLevel: s.alertLevel,
    })),
    ...events.map((e) => ({ kind: "event" as const, at: e.at, id: e.id.toString(), type: e.type, actorName: e.actorName, actorRole: e.actorRole, data: e.data })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === "event" ? -1 : 1));
  const { steps: _steps, assignee, ...rest } = app;
  return { ...rest, assigneeName: name(assignee), timeline };
}
export type TSupervisedApplication = Awaited<ReturnType<typeof getSupervisedApplication>>;
