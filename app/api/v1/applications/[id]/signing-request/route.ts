import { createHash } from "node:crypto";
import { API_OPERATIONS, readinessView } from "@/lib/integration/api";
import { expectedSigner, getApplication, readiness, requestBytesFor } from "@/lib/cases/applications";
import { DomainError } from "@/lib/platform/core";
import { withApi } from "../../../_lib/with-api";

export const dynamic = "force-dynamic";

/**
 * The exact bytes the applicant signs (the server recomputes them at submission, so any later
 * change of the form or the files needs a new signature), and what still stops the submission.
 */
export const GET = withApi(API_OPERATIONS.getSigningRequest, async ({ db, actor, params }) => {
  const app = await getApplication(db, actor, params.id);
  if (app.status !== "DRAFT") throw new DomainError("applications.already_submitted");
  const bytes = await requestBytesFor(db, app);
  return {
    applicationId: app.id,
    version: app.version,
    contentBase64: Buffer.from(bytes).toString("base64"),
    contentSha256: createHash("sha256").update(bytes).digest("hex"),
    signature: {
      format: "CMS SignedData, detached, DER, base64" as const,
      key: "signing key (RSA) of the applicant's EDS" as const,
      expectedSigner: expectedSigner(app.subject),
    },
    readiness: readinessView(await readiness(db, app)),
  };
});
