import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { DEMO_ORGANISATION_BINS, type VerificationContext, getVerificationContext } from "@/lib/trust/certificates";
import { verifyRequestSignature } from "@/lib/trust/pki/server";
import { type RecordSignatureBase, recordVerdict, scopedApplication } from "./record-signature";
import type { SignatureVerdict } from "./signer";

export type VerifyScanSignatureInput = RecordSignatureBase & { context?: VerificationContext };

/**
 * A Public Service Centre operator certifies the scans of a paper package with their EDS before it
 * goes to the provider [004 L645-648]: a legal-entity signing key of the operator (IIN) and of their
 * centre (BIN, DEMO_ORGANISATION_BINS until organisations carry one); any employee role, since the
 * operator certifies copies and decides nothing. Recorded as a SCAN signature; same rules as requests.
 */
export async function verifyAndRecordScanSignature(db: DbOrTx, input: VerifyScanSignatureInput): Promise<SignatureVerdict> {
  const { actor } = input;
  if (actor.kind !== "user" || actor.role !== "PSC_OPERATOR" || !actor.organisationId) throw new DomainError("auth.forbidden", { permission: "application.intake" });
  const app = await scopedApplication(db, actor, input.applicationId);
  const [operator, psc] = await Promise.all([
    db.user.findUnique({ where: { id: actor.userId }, select: { iin: true } }),
    db.organisation.findUnique({ where: { id: actor.organisationId }, select: { code: true } }),
  ]);
  const bin = psc ? DEMO_ORGANISATION_BINS[psc.code] : undefined;
  if (!bin || !operator?.iin) throw new DomainError("pki.invalid_request", { reason: "expected_subject" });
  const { trustStore, revocations } = input.context ?? (await getVerificationContext(db, input.now));
  const result = await verifyRequestSignature({
    cms: input.cms,
    content: input.contentBytes,
    expected: { iin: operator.iin, bin, requireSignerRole: false },
    trustStore,
    revocations,
    now: input.now,
    recordedSigningTime: input.now,
  });
  return recordVerdict(db, { ...input, purpose: "SCAN", organisationId: app.organisationId, result });
}
