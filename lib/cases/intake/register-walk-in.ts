import { executeCommandInTx, type CommandContext } from "@/lib/cases/applications";
import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { assertCan, type UserActor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { auditWalkIn } from "./audit-walk-in";
import { getService } from "@/lib/law/catalogue";
import { termStartFor } from "@/lib/law/deadlines";
import { readPaperPackage } from "./paper-package";
import { assertWalkInReady, lockWalkInDraft, walkInReadiness } from "./walk-in-readiness";

export type TRegisterWalkInInput = { actor: UserActor; applicationId: string; now: Date; meta?: RequestMeta };

export type TRegisterWalkInResult = {
  applicationId: string;
  /** Null for a package accepted at a PSC: the provider's office registers it on arrival. */
  registrationNumber: string | null;
  registeredAt: Date;
  /** The standard's term, for "ready by" on the receipt. */
  dueAt: Date | null;
  officerName: string;
};

/**
 * Process 7 of the provider route [001 L311]: register the paper application and hand it to
 * processing. Checks the form, the paper package and its scans and the fee, then runs the engine's
 * counter commands as the office clerk — `payment_confirmed` (when a fee was paid), `submit` (a
 * paper application is signed by hand, so no EDS) and `register` — in one transaction with the
 * checks, under a row lock, so that no scan can be removed between the check and the registration.
 * (This is `executeCommands` with the checks inside its transaction.)
 *
 * A letter (channel POST) is registered the same way; its term starts on the day of receipt
 * [004 L2616-2619, L7855-7858]. A package accepted at a Public Service Centre (channel PSC) is only
 * submitted — its scans certified with the operator's EDS — and goes to the provider's office,
 * whose clerk registers it as any other (the provider's workflow is unchanged); the day of
 * acceptance is not counted in the term [004 L607].
 */
export async function registerWalkIn(db: Db, input: TRegisterWalkInInput): Promise<TRegisterWalkInResult> {
  const { actor, now, meta } = input;
  assertCan(actor, "application.intake");
  return db.$transaction(async (tx) => {
    const app = await lockWalkInDraft(tx, actor, input.applicationId);
    assertWalkInReady(await walkInReadiness(tx, app));

    const payment = await tx.payment.findFirst({ where: { applicationId: app.id, status: "PAID" }, orderBy: { paidAt: "desc" } });
    const common = { actor, applicationId: app.id, now, meta };
    // One load for the batch: the first command loads through the clerk's scope, the others reuse it.
    let context: CommandContext | undefined;
    if (payment) ({ context } = await executeCommandInTx(tx, { ...common, command: { type: "payment_confirmed", paymentRef: payment.paymentCode } }));
    const termStartsAt =
      app.channel === "PROVIDER"
        ? undefined
        : termStartFor({
            channel: app.channel,
            submittedAt: now,
            receivedByPostOn: app.receivedByPostOn?.toISOString().slice(0, 10) ?? null,
            psc: getService(app.serviceCode)?.psc ?? null,
          });
    let application;
    ({ context, application } = await executeCommandInTx(tx, { ...common, command: { type: "submit", ...(termStartsAt ? { termStartsAt } : {}) } }, context));
    if (app.channel === "PSC") {
      await tx.application.update({ where: { id: app.id }, data: { pscAcceptedAt: now } });
    } else {
      ({ application } = await executeCommandInTx(tx, { ...common, command: { type: "register" } }, context));
    }

    const scans = await tx.document.count({ where: { applicationId: app.id, deletedAt: null } });
    await auditWalkIn(tx, app, {
      type: app.channel === "PSC" ? "psc.package_forwarded" : app.channel === "POST" ? "intake.postal_registered" : "intake.walk_in_registered",
      actor,
      at: now,
      data: {
        registrationNumber: application.registrationNumber,
        present: readPaperPackage(app.formData)?.present ?? [],
        scans,
        paymentCode: payment?.paymentCode ?? null,
        channel: app.channel,
        ...(termStartsAt ? { termStartsAt: termStartsAt.toISOString() } : {}),
        ...(app.pscId ? { pscId: app.pscId } : {}),
      },
      meta,
    });
    return {
      applicationId: app.id,
      registrationNumber: application.registrationNumber,
      registeredAt: application.registeredAt ?? now,
      dueAt: application.dueAt,
      officerName: actor.name,
    };
  });
}
