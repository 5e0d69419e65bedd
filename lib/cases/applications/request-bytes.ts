import type { DbOrTx } from "@/lib/platform/db";
import { canonicalRequestBytes } from "@/lib/trust/pki";

/** A live attachment as the signed bytes name it, in the order slot key, then hash. */
export type CurrentDocument = { slotKey: string; sha256: string };

type AppForBytes = { id: string; serviceCode: string; variant: string; formData: unknown; subject: { kind: string; identifier: string } };

/** The applicant's identifiers as the signature must show them (condition 3: IIN/BIN equal). */
export function expectedSigner(subject: { kind: string; identifier: string }): { iin?: string; bin?: string } {
  return subject.kind === "LEGAL_ENTITY" ? { bin: subject.identifier } : { iin: subject.identifier };
}

/**
 * The exact bytes the applicant signs: RFC 8785 canonical JSON of the form data and the SHA-256
 * of every current attachment. The browser receives them from here and the server recomputes them
 * at submission, so a signature over anything else is `content_mismatch`. `loadedDocuments`: the
 * live attachments the caller already read (sorted as above), instead of reading them again.
 */
export async function requestBytesFor(db: DbOrTx, app: AppForBytes, loadedDocuments?: readonly CurrentDocument[]): Promise<Uint8Array> {
  const docs =
    loadedDocuments ??
    (await db.document.findMany({
      where: { applicationId: app.id, deletedAt: null },
      select: { slotKey: true, sha256: true },
      orderBy: [{ slotKey: "asc" }, { sha256: "asc" }],
    }));
  return canonicalRequestBytes({
    applicationId: app.id,
    serviceCode: app.serviceCode,
    variant: app.variant.toLowerCase(),
    applicant: expectedSigner(app.subject),
    formData: (app.formData ?? {}) as Record<string, unknown>,
    attachments: docs.map((d) => ({ slot: d.slotKey, sha256: d.sha256 })),
  });
}
