import bcrypt from "bcryptjs";
import type { Db } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";
import { createDraft, getApplication, requestBytesFor, saveDraft } from "@/lib/cases/applications";
import { attachDocument, type FileStorage } from "@/lib/cases/documents";
import { createApiToken } from "@/lib/integration/api-tokens";
import { createSubject, createUser, uniqueIin } from "../factories";
import { createPaidPayment } from "../factories/api";
import { pdfBytes } from "../factories/documents";
import { keyPool, legalEntityEds } from "../integration/api/eds";

export const PASSWORD = "Cluster-Test-2026";

/** A password for users the tests sign in as; bcrypt cost 4 keeps the many sign-ins cheap. */
export const hashedPassword = () => bcrypt.hashSync(PASSWORD, 4);

/** A legal-entity applicant with a password, `tokens` API tokens and a signing EDS of its first head. */
export async function clusterApplicant(db: Db, now: Date, tokens: number) {
  const subject = await createSubject(db);
  const { user, actor } = await createUser(db, "APPLICANT", { subjectId: subject.id });
  const { login } = await db.user.update({ where: { id: user.id }, data: { passwordHash: hashedPassword() }, select: { login: true } });
  const list: string[] = [];
  for (let i = 0; i < tokens; i++) list.push((await createApiToken(db, { actor, name: `cluster-${i}`, now })).token);
  const eds = await legalEntityEds(db, { bin: subject.identifier, iin: uniqueIin(), now, keys: keyPool() });
  return { subject, user, actor, login, tokens: list, eds };
}

export type SignedDraft = { id: string; token: string; cms: string };

/**
 * `count` scrap-metal licence drafts of the applicant, complete and paid, their two required
 * files in `storage`, and the request signed with the applicant's EDS: ready to submit. The
 * signing (CPU-bound) runs after the database work, so that no transaction waits behind it.
 */
export async function signedDrafts(
  db: Db,
  storage: FileStorage,
  o: { actor: UserActor; tokens: string[]; eds: Awaited<ReturnType<typeof legalEntityEds>>; count: number; now: () => Date; concurrency?: number },
): Promise<SignedDraft[]> {
  const prepared: { id: string; bytes: Uint8Array }[] = [];
  let next = 0;
  const one = async (i: number) => {
    const now = o.now();
    const draft = await createDraft(db, { serviceCode: "scrap-metal-licence", variant: "issue", organisationCode: "aktobe" }, { actor: o.actor, now });
    await saveDraft(
      db,
      { applicationId: draft.id, expectedVersion: 0, formData: { activitySubtypes: ["nonferrous-storage"], activityAddress: "Ақтөбе қ., Промзона, 12", contactPhone: "+7 701 000 00 00", contactEmail: "office@example.kz" } },
      { actor: o.actor, now },
    );
    for (const slotKey of ["charter_scan", "qualification_documents"]) {
      await attachDocument(db, storage, { actor: o.actor, applicationId: draft.id, slotKey, fileName: `${slotKey}.pdf`, bytes: pdfBytes(`${slotKey} ${i}`), now });
    }
    await createPaidPayment(db, draft.id, now);
    prepared[i] = { id: draft.id, bytes: await requestBytesFor(db, await getApplication(db, o.actor, draft.id)) };
  };
  await Promise.all(
    Array.from({ length: o.concurrency ?? 4 }, async () => {
      while (next < o.count) await one(next++);
    }),
  );
  return prepared.map((p, i) => ({ id: p.id, token: o.tokens[i % o.tokens.length]!, cms: Buffer.from(o.eds.sign(p.bytes, o.now())).toString("base64") }));
}
