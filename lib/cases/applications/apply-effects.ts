import type { Calendar } from "@/lib/law/calendar";
import { addWorkingTime, wholeWorkingMinutes, workingTimeBetween } from "@/lib/law/calendar";
import { Prisma, type Application, type Tx } from "@/lib/platform/db";
import { randomUUID } from "node:crypto";
import { enqueueMany, type EnqueueItem } from "@/lib/platform/jobs";
import { deferInsert, flushDeferred } from "@/lib/platform/audit";
import type { TEffect } from "@/lib/law/workflow";
import { notificationRows } from "@/lib/integration/notifications";
import { resolveRecipientsOnce } from "./notify-recipients";
import { toNotificationKind } from "./workflow-notifications";

export type EffectContext = {
  app: Application;
  calendar: Calendar;
  now: Date;
  /** Called for `issue_licence` (lib/cases/licences does the work inside this transaction). */
  onIssueLicence?: (effect: Extract<TEffect, { type: "issue_licence" }>) => Promise<void>;
};

/**
 * Persists what the engine asked for, in the caller's transaction: step rows, notifications,
 * jobs, suspension facts and recomputed deadlines. Nothing here runs after the commit.
 */
export async function applyEffects(tx: Tx, effects: readonly TEffect[], ctx: EffectContext): Promise<void> {
  const { app } = ctx;
  // Notices and jobs are written together after the other effects (one recipient query, one insert
  // each, issue 14); what a notice says is still fixed at its place in the list (see "notify").
  const notices: PendingNotice[] = [];
  const jobs: EnqueueItem[] = [];
  for (const e of effects) {
    // Step rows and notices are deferred to the batch's audit statement (lib/platform/audit
    // deferInsert); an effect that reads or changes rows writes them first.
    if (!DEFERRED_SAFE.has(e.type)) await flushDeferred(tx);
    switch (e.type) {
      case "step_started":
        await insertStep(tx, { applicationId: app.id, seq: e.seq, stepKey: e.stepKey, role: e.role, assigneeId: e.assigneeId, startedAt: e.startedAt, dueAt: e.dueAt });
        break;
      case "step_completed": {
        // Working minutes are stored now, with the organisation calendar at hand, so the step-duration
        // summary (a database trigger) can aggregate working time in SQL.
        const step = await tx.applicationStep.findUnique({ where: { applicationId_seq: { applicationId: app.id, seq: e.seq } }, select: { startedAt: true } });
        await tx.applicationStep.updateMany({
          where: { applicationId: app.id, seq: e.seq },
          data: {
            completedAt: e.completedAt,
            completedById: e.completedById,
            outcome: e.outcome,
            workingMinutes: step ? wholeWorkingMinutes(ctx.calendar, step.startedAt, e.completedAt) : null,
          },
        });
        break;
      }
      case "step_cancelled":
        await tx.applicationStep.updateMany({
          where: { applicationId: app.id, seq: e.seq, completedAt: null },
          data: { completedAt: e.at, outcome: `cancelled_${e.reason}` },
        });
        break;
      case "step_due_changed":
        await tx.applicationStep.updateMany({ where: { applicationId: app.id, seq: e.seq }, data: { dueAt: e.dueAt } });
        break;
      case "step_skipped":
        break; // recorded in the audit entry of the transition
      case "notify": {
        // The licence number is read here, after an issue_licence effect listed before this notice.
        const extra: Record<string, string | null> = e.messageKey.endsWith(".result_ready")
          ? { licenceNumber: (await tx.licence.findFirst({ where: { applicationId: app.id }, orderBy: { createdAt: "desc" }, select: { number: true } }))?.number ?? null }
          : {};
        notices.push({ effect: e, extra });
        break;
      }
      case "schedule_job":
        // Replays are idempotent: a job that finds the state moved on is "nothing to do".
        jobs.push({
          name: "workflow.command",
          data: { applicationId: app.id, command: e.payload.command as Record<string, unknown> },
          opts: { startAfter: e.runAt, singletonKey: `${app.id}:${e.name}:${e.runAt.toISOString()}` },
        });
        break;
      case "cancel_jobs":
        break; // see schedule_job: obsolete jobs resolve to stale_state / already_final
      case "deadline_event":
        if (e.event.type === "suspended") {
          await tx.applicationSuspension.create({
            data: { applicationId: app.id, kind: "SUSPENSION", reason: e.event.reason, startedAt: e.event.at, createdById: "system" },
          });
        } else {
          await tx.applicationSuspension.updateMany({ where: { applicationId: app.id, endedAt: null }, data: { endedAt: e.event.at } });
        }
        break;
      case "recompute_deadlines": {
        // The clock stood still while suspended: every open due instant moves by that working time.
        const minutes = workingTimeBetween(ctx.calendar, e.suspendedAt, e.resumedAt);
        const shift = (d: Date | null) => (d ? addWorkingTime(ctx.calendar, d, { value: minutes, unit: "minutes" }) : null);
        const current = await tx.application.findUniqueOrThrow({ where: { id: app.id }, select: { dueAt: true, stepDueAt: true } });
        await tx.application.update({ where: { id: app.id }, data: { dueAt: shift(current.dueAt), stepDueAt: shift(current.stepDueAt) } });
        const step = await tx.applicationStep.findFirst({ where: { applicationId: app.id, seq: e.seq } });
        if (step?.dueAt) await tx.applicationStep.update({ where: { id: step.id }, data: { dueAt: shift(step.dueAt) } });
        break;
      }
      case "issue_licence":
        if (ctx.onIssueLicence) await ctx.onIssueLicence(e);
        break;
    }
  }
  await writeNotices(tx, notices, ctx);
  await enqueueMany(tx, jobs, { defer: (insert) => deferInsert(tx, insert) });
}

/** Effects that neither read nor change step rows or notices (nor anything that refers to them). */
const DEFERRED_SAFE = new Set<TEffect["type"]>(["step_started", "step_skipped", "notify", "schedule_job", "cancel_jobs"]);

type PendingNotice = { effect: Extract<TEffect, { type: "notify" }>; extra: Record<string, string | null> };

/** The step row of `step_started` (raw: a fixed statement of the write path, issue 14). */
async function insertStep(
  tx: Tx,
  s: { applicationId: string; seq: number; stepKey: string; role: string; assigneeId: string | null; startedAt: Date; dueAt: Date | null },
): Promise<void> {
  await deferInsert(
    tx,
    Prisma.sql`INSERT INTO "ApplicationStep" ("id", "applicationId", "seq", "stepKey", "role", "assigneeId", "startedAt", "dueAt")
      VALUES (${randomUUID()}, ${s.applicationId}, ${s.seq}, ${s.stepKey}, ${s.role}::"Role", ${s.assigneeId}, ${s.startedAt}, ${s.dueAt})`,
  );
}

/** The notices of one command: recipients in one query, all rows in one insert. */
async function writeNotices(tx: Tx, notices: readonly PendingNotice[], ctx: EffectContext): Promise<void> {
  if (!notices.length) return;
  const { app } = ctx;
  const recipients = await resolveRecipientsOnce(
    tx,
    notices.map((n) => n.effect.recipient),
    app,
  );
  const rows = notices.flatMap(({ effect: e, extra }, i): Prisma.NotificationCreateManyInput[] => {
    const userIds = recipients[i]!;
    if (!userIds.length) return [];
    const mapped = toNotificationKind(e.messageKey, { ...e.params, ...extra }, app, e.recipient.kind === "applicant" ? "applicant" : "staff");
    if (mapped) return notificationRows({ userIds, kind: mapped.kind, params: mapped.params as never, applicationId: app.id, now: ctx.now });
    return userIds.map((userId) => ({
      userId,
      kind: "workflow",
      messageKey: e.messageKey,
      params: { ...e.params, registrationNumber: app.registrationNumber } as object,
      applicationId: app.id,
      createdAt: ctx.now,
    }));
  });
  await insertNotifications(tx, rows);
}

/** The notices' rows in one INSERT (raw, issue 14; the ids are made here as Prisma would). */
async function insertNotifications(tx: Tx, rows: readonly Prisma.NotificationCreateManyInput[]): Promise<void> {
  if (!rows.length) return;
  const values = rows.map(
    (r) => Prisma.sql`(${randomUUID()}, ${r.userId}, ${r.kind}, ${r.messageKey}, ${JSON.stringify(r.params ?? {})}::jsonb, ${r.applicationId ?? null}, ${r.createdAt ?? new Date()})`,
  );
  await deferInsert(
    tx,
    Prisma.sql`INSERT INTO "Notification" ("id", "userId", "kind", "messageKey", "params", "applicationId", "createdAt")
      VALUES ${Prisma.join(values)}`,
  );
}
