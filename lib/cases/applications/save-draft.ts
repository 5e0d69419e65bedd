import { buildDraftSchema, fieldIssues, getService, type TVariantCode } from "@/lib/law/catalogue";
import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { applicationScope, type UserActor } from "@/lib/platform/auth";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import type { TSaveDraftInput } from "./schemas";

/**
 * Saves (or autosaves) the form of a draft. The draft schema keeps a partial form but rejects any
 * present value that is invalid (422 with fieldErrors, the same messages as at submission); a
 * typed so far; a compare-and-swap on the version stops a second tab from silently overwriting.
 */
export async function saveDraft(db: Db, input: TSaveDraftInput, ctx: { actor: UserActor; now: Date; meta?: RequestMeta }) {
  return db.$transaction(async (tx) => {
    const app = await tx.application.findFirst({ where: { AND: [{ id: input.applicationId }, applicationScope(ctx.actor)] } });
    if (!app) throw new DomainError("errors.not_found");
    // A paper application taken at the counter is the office's to complete, not the applicant's.
    if (app.status !== "DRAFT" || app.channel !== "PORTAL") throw new DomainError("applications.not_editable");
    const service = getService(app.serviceCode)!;
    const parsed = buildDraftSchema(service, app.variant.toLowerCase() as TVariantCode).safeParse(input.formData);
    if (!parsed.success) {
      const fieldErrors = fieldIssues(parsed.error);
      throw new DomainError("validation.failed", { fieldErrors });
    }
    const { count } = await tx.application.updateMany({
      where: { id: app.id, status: "DRAFT", version: input.expectedVersion },
      data: { formData: parsed.data as object, version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("applications.draft_conflict");
    await recordAudit(tx, {
      type: "application.draft_saved",
      actor: ctx.actor,
      at: ctx.now,
      entityType: "application",
      entityId: app.id,
      applicationId: app.id,
      organisationId: app.organisationId,
      data: { fields: Object.keys(parsed.data as object) },
      meta: ctx.meta,
    });
    return { version: input.expectedVersion + 1, formData: parsed.data };
  });
}
