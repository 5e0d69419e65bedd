import { API_OPERATIONS, applicationView } from "@/lib/integration/api";
import { getApplication, saveDraft } from "@/lib/cases/applications";
import { withApi } from "../../_lib/with-api";

export const dynamic = "force-dynamic";

/** Status, current step, due date, registration number, timeline and documents. */
export const GET = withApi(API_OPERATIONS.getApplication, async ({ db, actor, params }) => applicationView(await getApplication(db, actor, params.id)));

/** Saves the draft's form; a stale `expectedVersion` is `applications.draft_conflict` (409). */
export const PATCH = withApi(API_OPERATIONS.saveDraft, async ({ db, actor, params, body, now, meta }) => {
  const saved = await saveDraft(db, { applicationId: params.id, expectedVersion: body.expectedVersion, formData: body.formData }, { actor, now, meta });
  return { id: params.id, version: saved.version, formData: saved.formData as Record<string, unknown> };
});
