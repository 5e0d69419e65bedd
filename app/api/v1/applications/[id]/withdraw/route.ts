import { API_OPERATIONS, applicationView } from "@/lib/integration/api";
import { executeCommand, getApplication } from "@/lib/cases/applications";
import { withApi } from "../../../_lib/with-api";

export const dynamic = "force-dynamic";

/** Withdraws the application (the workflow decides whether it still can be). */
export const POST = withApi(API_OPERATIONS.withdrawApplication, async ({ db, actor, params, body, now, meta }) => {
  await executeCommand(db, { actor, applicationId: params.id, command: { type: "withdraw", reason: body.reason }, now, meta });
  return applicationView(await getApplication(db, actor, params.id));
});
