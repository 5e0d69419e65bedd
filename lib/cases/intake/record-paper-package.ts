import { assertReissueWindow, buildFormSchema, getService } from "@/lib/law/catalogue";
import { almatyDate } from "@/lib/platform/i18n";
import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { assertCan, type UserActor } from "@/lib/platform/auth";
import type { RequestMeta } from "@/lib/platform/audit";
import { auditWalkIn } from "./audit-walk-in";
import { PAPER_PACKAGE_KEY, paperSlots, variantCodeOf, type TPaperPackage } from "./paper-package";
import { lockWalkInDraft } from "./walk-in-readiness";

export type TRecordPaperPackageInput = {
  actor: UserActor;
  applicationId: string;
  /** Keys of the paper documents the applicant handed over (`documentSlots(…, "provider")`). */
  present: readonly string[];
  /** The application form as the officer filled it in from the paper application. */
  formData: Record<string, unknown>;
  now: Date;
  meta?: RequestMeta;
};

function issuesToFieldErrors(issues: readonly { path: PropertyKey[]; message: string; code: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join(".") || "_form";
    out[key] ??= i.message.includes(".") ? i.message : `validation.${i.code}`;
  }
  return out;
}

/**
 * Process 6 of the provider route [001 L308-310]: the officer enters the paper application into the
 * catalogue form and marks which paper documents were handed over. The form is validated as at
 * submission (nothing is saved when it fails); the checklist is kept in `formData._paperPackage`.
 */
export async function recordPaperPackage(db: Db, input: TRecordPaperPackageInput): Promise<{ present: string[]; formData: Record<string, unknown> }> {
  const { actor, now } = input;
  assertCan(actor, "application.intake");
  return db.$transaction(async (tx) => {
    const app = await lockWalkInDraft(tx, actor, input.applicationId);

    const slots = paperSlots({ serviceCode: app.serviceCode, variant: app.variant, subjectKind: app.subject.kind });
    const known = new Set(slots.map((s) => s.key));
    const unknown = input.present.filter((k) => !known.has(k));
    if (unknown.length) throw new DomainError("intake.unknown_paper_document", { slots: unknown });
    // Catalogue order, no duplicates.
    const present = slots.map((s) => s.key).filter((k) => input.present.includes(k));

    const service = getService(app.serviceCode)!;
    const parsed = buildFormSchema(service, variantCodeOf(app.variant)).safeParse(input.formData);
    if (!parsed.success) throw new DomainError("validation.failed", { fieldErrors: issuesToFieldErrors(parsed.error.issues) });
    // The date of receipt at the office counts for the reissue window [004 L2533-2537, L7791-7794].
    assertReissueWindow(service, app.variant, parsed.data, almatyDate(now));

    const paperPackage: TPaperPackage = { present, recordedAt: now.toISOString(), recordedById: actor.userId };
    const formData = { ...(parsed.data as Record<string, unknown>), [PAPER_PACKAGE_KEY]: paperPackage };
    await tx.application.update({ where: { id: app.id }, data: { formData: formData as object, version: { increment: 1 } } });
    await auditWalkIn(tx, app, {
      type: "intake.paper_package_recorded",
      actor,
      at: now,
      data: { present, fields: Object.keys(parsed.data as object) },
      meta: input.meta,
    });
    return { present, formData: parsed.data as Record<string, unknown> };
  });
}
