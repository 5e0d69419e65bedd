import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";
import type { TRecipient } from "@/lib/law/catalogue";
import { recipientOf } from "./recipient-kind";

export type TNewApplicationContext = {
  recipient: TRecipient;
  /** The applicant's current licences of the service (base of a re-issue, duplicate or annex). */
  licences: { id: string; number: string; organisationCode: string }[];
};

/** What the "new application" page needs about the signed-in applicant, scoped to their subject. */
export async function getNewApplicationContext(db: DbOrTx, actor: UserActor, serviceCode: string): Promise<TNewApplicationContext> {
  if (!actor.subjectId) throw new DomainError("errors.not_found");
  const [subject, licences] = await Promise.all([
    db.subject.findUniqueOrThrow({ where: { id: actor.subjectId }, select: { kind: true } }),
    db.licence.findMany({
      where: { holderId: actor.subjectId, serviceCode, status: { in: ["ACTIVE", "SUSPENDED"] } },
      select: { id: true, number: true, organisation: { select: { code: true } } },
      orderBy: { issuedAt: "desc" },
    }),
  ]);
  return { recipient: recipientOf(subject.kind), licences: licences.map((l) => ({ id: l.id, number: l.number, organisationCode: l.organisation.code })) };
}
