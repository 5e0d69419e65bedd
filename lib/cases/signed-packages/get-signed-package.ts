import { applicationScope, type Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { requestBytesFor } from "@/lib/cases/applications";
import { decisionSigningContent } from "@/lib/cases/officer-actions";
import { attachContent } from "@/lib/trust/pki/server";
import { sha256Hex } from "@/lib/trust/signatures";

/**
 * A signed request or decision as one file: the stored detached CMS with the signed bytes put
 * inside (`.p7s`, CMS SignedData with eContent), which `openssl cms -verify -CAfile <published CA>`
 * checks and unpacks on its own. The bytes are recomputed from the application and must be the ones
 * the register recorded (SHA-256), else `licences.package_unavailable`. Same scope as the
 * application: the applicant, the organisation's staff, supervisors in scope; anyone else: not found.
 */
export async function getSignedPackage(db: DbOrTx, actor: Actor, signatureId: string): Promise<{ fileName: string; der: Uint8Array }> {
  const row = await db.signature.findFirst({
    where: { id: signatureId, status: "valid", purpose: { in: ["REQUEST", "DECISION"] }, application: applicationScope(actor) },
    select: {
      purpose: true,
      cms: true,
      contentSha256: true,
      application: { select: { id: true, registrationNumber: true, serviceCode: true, variant: true, formData: true, decision: true, subject: { select: { kind: true, identifier: true, name: true } } } },
    },
  });
  const app = row?.application;
  if (!row || !app) throw new DomainError("errors.not_found");
  const content = row.purpose === "REQUEST" ? await requestBytesFor(db, app) : decisionSigningContent(app);
  if (!content || sha256Hex(content) !== row.contentSha256) throw new DomainError("licences.package_unavailable");
  const name = (app.registrationNumber ?? app.id).replace(/[^A-Za-z0-9._-]+/g, "-");
  return { fileName: `${name}-${row.purpose === "REQUEST" ? "request" : "decision"}.p7s`, der: attachContent(new Uint8Array(row.cms), content) };
}
