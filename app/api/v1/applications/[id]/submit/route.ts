import { API_OPERATIONS, signatureVerdictView } from "@/lib/integration/api";
import { submitApplication } from "@/lib/cases/applications";
import { DomainError } from "@/lib/platform/core";
import { withApi } from "../../../_lib/with-api";

export const dynamic = "force-dynamic";

/**
 * Verifies the signature over the recomputed bytes and submits: 201 with the registration number
 * and the ready-by date; a refused signature is 422 `pki.status.<status>` with the verdict.
 */
export const POST = withApi(API_OPERATIONS.submitApplication, async ({ db, actor, params, body, now, meta }) => {
  const cms = new Uint8Array(Buffer.from(body.cms.replace(/\s+/g, ""), "base64"));
  const result = await submitApplication(db, { actor, applicationId: params.id, cms, now, meta });
  if (!result.ok) throw new DomainError(`pki.status.${result.signature.status}`, { signature: signatureVerdictView(result.signature) });
  return { id: params.id, status: "SUBMITTED" as const, registrationNumber: result.registrationNumber, readyBy: result.dueAt };
});
