import { addWorkingTime } from "@/lib/law/calendar";
import { isDomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { systemActor } from "@/lib/platform/auth";
import { executeCommand } from "@/lib/cases/applications";
import { notifyMany } from "@/lib/integration/notifications";
import { loadOrganisationCalendar } from "@/lib/law/organisation-calendar";

/** A step is "due soon" when less than this much working time is left (configurable). */
export const DUE_SOON_WORKING_MINUTES = Number(process.env.DUE_SOON_WORKING_MINUTES ?? 120);

const OPEN = ["SUBMITTED", "IN_PROGRESS", "DEEMED_ISSUED"] as const;
/** Outcomes of a replayed deadline that mean "nothing to do": the state moved on in the meantime. */
export const NOTHING_TO_DO = new Set(["workflow.stale_state", "workflow.deadline_not_reached", "workflow.already_final", "workflow.step_out_of_order"]);

export type SweepResult = { reclassified: number; notified: number; overallDeadlines: number };

/**
 * The periodic safety net behind the per-application deadline jobs: classifies every open
 * application's current step as on time / due soon / overdue (working time of its organisation),
 * notifies the assignee (or the step's role) and the head when a step becomes due soon or overdue,
 * and replays the overall deadline (tacit approval) for applications past their term. Idempotent.
 */
export async function sweepDeadlines(db: Db, { now }: { now: Date }): Promise<SweepResult> {
  const result: SweepResult = { reclassified: 0, notified: 0, overallDeadlines: 0 };
  const orgs = await db.organisation.findMany({ select: { id: true } });
  for (const org of orgs) {
    const calendar = await loadOrganisationCalendar(db, org.id);
    const soon = addWorkingTime(calendar, now, { value: DUE_SOON_WORKING_MINUTES, unit: "minutes" });
    const levels = [
      { level: "OVERDUE" as const, where: { stepDueAt: { lt: now } } },
      { level: "DUE_SOON" as const, where: { stepDueAt: { gte: now, lte: soon } } },
      { level: "ON_TIME" as const, where: { OR: [{ stepDueAt: { gt: soon } }, { stepDueAt: null }] } },
    ];
    for (const { level, where } of levels) {
      const changed = await db.application.findMany({
        where: { organisationId: org.id, status: { in: [...OPEN] }, deadlineLevel: { not: level }, ...where },
        select: { id: true, stepKey: true, stepRole: true, assigneeId: true, stepDueAt: true, registrationNumber: true, applicantName: true },
        take: 1000,
      });
      if (!changed.length) continue;
      const moved = await db.$transaction(async (tx) => {
        // Only the rows this transaction moves count: a sweep running at the same time on another
        // instance (or a retried job) waits on the row lock, re-reads the level, and skips them —
        // so each step is announced once, however many sweeps overlap.
        const ids = (
          await tx.$queryRaw<{ id: string }[]>`
            UPDATE "Application" SET "deadlineLevel" = ${level}::"DeadlineLevel"
            WHERE id = ANY(${changed.map((c) => c.id)}::text[]) AND "deadlineLevel" <> ${level}::"DeadlineLevel"
            RETURNING id`
        ).map((r) => r.id);
        if (ids.length === 0) return 0;
        await tx.applicationStep.updateMany({ where: { applicationId: { in: ids }, completedAt: null }, data: { alertLevel: level } });
        // Overdue notices come from the step's own deadline job (the engine); the sweep warns ahead.
        if (level !== "DUE_SOON") return ids.length;
        const heads = await tx.user.findMany({ where: { organisationId: org.id, role: "HEAD", active: true }, select: { id: true } });
        const mine = new Set(ids);
        for (const c of changed) {
          if (!mine.has(c.id) || !c.stepKey || !c.stepDueAt) continue;
          const userIds = [...new Set([...heads.map((h) => h.id), ...(c.assigneeId ? [c.assigneeId] : [])])];
          const params = { application: c.registrationNumber ?? c.applicantName, step: c.stepKey, dueAt: c.stepDueAt, level: "due_soon" as const };
          result.notified += await notifyMany(tx, { userIds, kind: "step_due", params, applicationId: c.id, now });
        }
        return ids.length;
        // The UPDATE may wait for a user's command on the same rows, or for another sweep.
      }, { timeout: 15_000 });
      result.reclassified += moved;
    }
  }

  // Overall term passed with no signed decision: let the engine decide (tacit approval or a notice).
  const late = await db.application.findMany({ where: { status: { in: ["SUBMITTED", "IN_PROGRESS"] }, dueAt: { lt: now } }, select: { id: true }, take: 500 });
  const handled = new Set(
    (
      await db.auditEvent.findMany({
        where: { applicationId: { in: late.map((a) => a.id) }, type: { in: ["application.deadline_passed", "application.deemed_issued"] } },
        select: { applicationId: true, data: true, type: true },
      })
    )
      .filter((a) => a.type === "application.deemed_issued" || (a.data as { deadline?: string }).deadline === "overall")
      .map((a) => a.applicationId),
  );
  for (const app of late) {
    if (handled.has(app.id)) continue;
    try {
      await executeCommand(db, { actor: systemActor("deadline-sweep"), applicationId: app.id, command: { type: "deadline_passed", deadline: "overall" }, now });
      result.overallDeadlines++;
    } catch (e) {
      if (!(isDomainError(e) && NOTHING_TO_DO.has(e.code))) throw e;
    }
  }
  return result;
}
