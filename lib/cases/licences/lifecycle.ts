import { z } from "zod";
import { DomainError } from "@/lib/platform/core";
import type { Db, LicenceStatus } from "@/lib/platform/db";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { assertCan, licenceScope, type Actor } from "@/lib/platform/auth";
import { almatyDayStart } from "@/lib/platform/i18n";
import { nextLicenceStatus, type TManualLicenceAction } from "./status-transitions";

const ZReason = z.string().trim().min(3, { message: "validation.required" }).max(2000, { message: "validation.too_big" });
const ZLicenceId = z.string().trim().min(1).max(64);
/**
 * A date of the period. A calendar day (`YYYY-MM-DD`, the form's date input) is the start of that
 * day in Almaty: read as UTC midnight, "today" in Almaty after 19:00 UTC would be tomorrow and a
 * suspension from today would be refused as starting in the future.
 */
const ZPeriodDate = z.preprocess((v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? almatyDayStart(v) : v), z.coerce.date());

export const ZSuspendLicenceInput = z
  .object({
    licenceId: ZLicenceId,
    reason: ZReason,
    /** Start of the suspension (a court decision or the licensor's act); not in the future. */
    from: ZPeriodDate,
    /** End of the suspension; the licence is shown as suspended until then. */
    to: ZPeriodDate,
  })
  .refine((v) => v.to.getTime() > v.from.getTime(), { path: ["to"], message: "licences.period_invalid" });
export type TSuspendLicenceInput = z.input<typeof ZSuspendLicenceInput>;

export const ZResumeLicenceInput = z.object({ licenceId: ZLicenceId, reason: ZReason });
export type TResumeLicenceInput = z.input<typeof ZResumeLicenceInput>;

export const ZTerminateLicenceInput = z.object({ licenceId: ZLicenceId, reason: ZReason });
export type TTerminateLicenceInput = z.input<typeof ZTerminateLicenceInput>;

export type TLifecycleCtx = { now: Date; meta?: RequestMeta };
export type TLifecycleResult = { licenceId: string; number: string; from: LicenceStatus; to: LicenceStatus; eventId: string };

type Change = { licenceId: string; reason: string; periodFrom?: Date; periodTo?: Date; suspendedUntil: Date | null };

/**
 * One status change: permission, scope (another organisation's licence is not found), the
 * transition table, then a compare-and-swap on the status read — when two officers act at once,
 * the second UPDATE waits for the first to commit, finds the status changed and matches no row
 * (`licences.conflict`). The status event and the audit row are written in the same transaction.
 */
async function changeStatus(db: Db, actor: Actor, action: TManualLicenceAction, change: Change, ctx: TLifecycleCtx): Promise<TLifecycleResult> {
  assertCan(actor, "licence.manage");
  return db.$transaction(async (tx) => {
    const lic = await tx.licence.findFirst({
      where: { AND: [{ id: change.licenceId }, licenceScope(actor)] },
      select: { id: true, number: true, status: true, organisationId: true, applicationId: true },
    });
    if (!lic) throw new DomainError("errors.not_found");
    const to = nextLicenceStatus(action, lic.status);
    const cas = await tx.licence.updateMany({ where: { id: lic.id, status: lic.status }, data: { status: to, suspendedUntil: change.suspendedUntil } });
    if (cas.count !== 1) throw new DomainError("licences.conflict");
    const event = await tx.licenceStatusEvent.create({
      data: {
        licenceId: lic.id,
        from: lic.status,
        to,
        reason: change.reason,
        periodFrom: change.periodFrom ?? null,
        periodTo: change.periodTo ?? null,
        actorId: actor.userId,
        at: ctx.now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      type: `licence.${action === "suspend" ? "suspended" : action === "resume" ? "resumed" : "terminated"}`,
      actor,
      at: ctx.now,
      entityType: "licence",
      entityId: lic.id,
      applicationId: lic.applicationId,
      organisationId: lic.organisationId,
      data: { number: lic.number, from: lic.status, to, reason: change.reason, periodFrom: change.periodFrom?.toISOString(), periodTo: change.periodTo?.toISOString(), eventId: event.id },
      meta: ctx.meta,
    });
    return { licenceId: lic.id, number: lic.number, from: lic.status, to, eventId: event.id };
  });
}

/** ACTIVE → SUSPENDED for a period (`licence.manage`, own organisation). */
export async function suspendLicence(db: Db, actor: Actor, raw: TSuspendLicenceInput, ctx: TLifecycleCtx): Promise<TLifecycleResult> {
  const input = ZSuspendLicenceInput.parse(raw);
  // A suspension takes effect now: a start in the future would show a status that is not yet true.
  if (input.from.getTime() > ctx.now.getTime()) throw new DomainError("licences.period_starts_in_future");
  if (input.to.getTime() <= ctx.now.getTime()) throw new DomainError("licences.period_in_past");
  return changeStatus(db, actor, "suspend", { licenceId: input.licenceId, reason: input.reason, periodFrom: input.from, periodTo: input.to, suspendedUntil: input.to }, ctx);
}

/** SUSPENDED → ACTIVE (before the end of the period, or to record its end). */
export async function resumeLicence(db: Db, actor: Actor, raw: TResumeLicenceInput, ctx: TLifecycleCtx): Promise<TLifecycleResult> {
  const input = ZResumeLicenceInput.parse(raw);
  return changeStatus(db, actor, "resume", { licenceId: input.licenceId, reason: input.reason, suspendedUntil: null }, ctx);
}

/** ACTIVE | SUSPENDED → TERMINATED (revocation; final). */
export async function terminateLicence(db: Db, actor: Actor, raw: TTerminateLicenceInput, ctx: TLifecycleCtx): Promise<TLifecycleResult> {
  const input = ZTerminateLicenceInput.parse(raw);
  return changeStatus(db, actor, "terminate", { licenceId: input.licenceId, reason: input.reason, suspendedUntil: null }, ctx);
}
