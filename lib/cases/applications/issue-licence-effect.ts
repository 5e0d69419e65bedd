import type { Application, Tx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { issueLicence } from "@/lib/cases/licences";
import { reservedNumberFor, storeIssuedDocument } from "@/lib/cases/licence-signing";
import type { TEffect } from "@/lib/law/workflow";

/**
 * The engine's `issue_licence` effect, inside the transition's transaction: a signed decision
 * uses the head's latest valid decision signature; tacit approval issues what the applicant
 * asked for (the requested sub-types) without a signature [004 L7892-7903]. The licence takes the
 * number its prepared PDF printed, and the PDF (signed, or deemed issued) is kept in the register.
 */
export async function issueLicenceForEffect(tx: Tx, o: { app: Application; effect: Extract<TEffect, { type: "issue_licence" }>; actor: Actor; now: Date }) {
  const { app, effect } = o;
  const signature =
    effect.basis === "signed"
      ? await tx.signature.findFirst({
          where: { applicationId: app.id, purpose: "DECISION", status: "valid" },
          orderBy: { createdAt: "desc" },
          select: { id: true },
        })
      : null;
  const requested = (app.formData as { activitySubtypes?: string[] } | null)?.activitySubtypes ?? [];
  const issued = await issueLicence(tx, {
    application: {
      id: app.id,
      serviceCode: app.serviceCode,
      organisationId: app.organisationId,
      subjectId: app.subjectId,
      variant: app.variant,
      baseLicenceId: app.baseLicenceId,
    },
    decision: {
      subtypes: effect.subtypes.length ? effect.subtypes : requested,
      validFrom: effect.at,
      duplicateReason: (app.formData as { duplicateReason?: string } | null)?.duplicateReason,
    },
    signatureId: signature?.id,
    tacit: effect.basis === "tacit",
    reservedNumber: await reservedNumberFor(tx, app.id),
    now: o.now,
    actor: o.actor,
  });
  await storeIssuedDocument(tx, { applicationId: app.id, organisationId: app.organisationId, issued, basis: effect.basis, actor: o.actor, now: o.now });
}
