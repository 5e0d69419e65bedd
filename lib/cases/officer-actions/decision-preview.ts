import { assertCan, applicationScope, type UserActor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { definitionForVersion } from "@/lib/cases/applications";
import { renderLicencePdf } from "@/lib/cases/licence-pdf";
import { pendingDocument, registerDocumentInput } from "@/lib/cases/licence-signing";
import { ZDecision } from "@/lib/law/workflow";

/**
 * Whether the application waits at its sign step with an unsigned draft (what the head previews).
 * The step is found by its action in the application's regulation, not by its key.
 */
export function atSigningWithDraft(app: { status: string; stepKey: string | null; decision: unknown }, steps: readonly { key: string; action: string }[]): boolean {
  const step = steps.find((s) => s.key === app.stepKey);
  const decision = ZDecision.safeParse(app.decision);
  return app.status === "IN_PROGRESS" && step?.action === "sign" && decision.success && !decision.data.signedById;
}

/**
 * The draft licence as the portal would issue it, for the organisation's staff while the
 * application waits at the sign step: the same renderer and the same record as the document the
 * head signs (`pendingDocument`), marked ЖОБА / ПРОЕКТ, without a signature, printing the number
 * reserved by an earlier preparation or a placeholder. Reads only: no number is taken, nothing is
 * stored. Anything else — another organisation, another step, a refusal, nothing drafted — is
 * `errors.not_found`.
 */
export async function getDecisionPreviewPdf(db: Db, actor: UserActor, applicationId: string, o: { now: Date }): Promise<{ fileName: string; pdf: Uint8Array }> {
  assertCan(actor, "decision.preview");
  const app = await db.application.findFirst({ where: { AND: [{ id: applicationId }, applicationScope(actor)] } });
  if (!app?.regulationVersionId) throw new DomainError("errors.not_found");
  const definition = await definitionForVersion(db, app.regulationVersionId, app.variant);
  if (!atSigningWithDraft(app, definition.steps) || ZDecision.parse(app.decision).kind !== "licence") throw new DomainError("errors.not_found");
  const reserved = await db.licenceSigning.findUnique({ where: { applicationId: app.id }, select: { reservedNumber: true } });
  // pendingDocument reads through a transaction handle; in preview mode it writes nothing.
  const pending = await db.$transaction((tx) => pendingDocument(tx, app, { reservedNumber: reserved?.reservedNumber ?? null, now: o.now, signer: { name: "" }, preview: true }));
  const input = registerDocumentInput({ ...pending.record, signer: null }, { embedded: false, original: pending.original ? { ...pending.original, pdf: null } : null });
  const pdf = await renderLicencePdf({ ...input, draft: true });
  return { fileName: `draft-licence-${(app.registrationNumber ?? app.id).replace(/[^A-Za-z0-9-]/g, "_")}.pdf`, pdf };
}
