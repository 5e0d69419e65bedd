import { API_OPERATIONS, applicationView, listApplicationsPage } from "@/lib/integration/api";
import { createDraft, getApplication } from "@/lib/cases/applications";
import { withApi } from "../_lib/with-api";

export const dynamic = "force-dynamic";

/** The caller's applications, newest first, by cursor. */
export const GET = withApi(API_OPERATIONS.listApplications, async ({ db, actor, query }) => listApplicationsPage(db, actor, query));

/** Starts a draft (the same checks as the portal's "Start the application"). */
export const POST = withApi(API_OPERATIONS.createApplication, async ({ db, actor, body, now, meta }) => {
  const draft = await createDraft(db, body, { actor, now, meta });
  return applicationView(await getApplication(db, actor, draft.id));
});
