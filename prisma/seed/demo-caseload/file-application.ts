import type { TVariantCode } from "@/lib/law/catalogue";
import { createDraft, saveDraft } from "@/lib/cases/applications";
import type { Application } from "@/lib/platform/db";
import type { Applicant } from "./cast";
import { submitPortal, type DriveContext } from "./drive";
import { demoForm } from "./form";

/** A draft through createDraft/saveDraft, then the portal submission at `at`. */
export async function fileApplication(c: DriveContext, o: { applicant: Applicant; serviceCode: string; variant: TVariantCode; organisationCode: string; at: Date; baseLicenceId?: string }): Promise<Application> {
  const ctx = { actor: o.applicant.actor, now: new Date(o.at.getTime() - 20 * 60_000) };
  const draft = await createDraft(c.db, { serviceCode: o.serviceCode, variant: o.variant as "issue", organisationCode: o.organisationCode, ...(o.baseLicenceId ? { baseLicenceId: o.baseLicenceId } : {}) }, ctx);
  const formData = demoForm(c.r, o.serviceCode, o.variant, { address: o.applicant.subject.legalAddress ?? "Астана қ.", email: o.applicant.subject.email });
  await saveDraft(c.db, { applicationId: draft.id, expectedVersion: draft.version, formData }, ctx);
  return submitPortal(c, { applicationId: draft.id, applicant: o.applicant, at: o.at });
}

