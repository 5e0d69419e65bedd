import type { Actor } from "@/lib/platform/auth";
import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { legalEntityRegistry } from "@/lib/integration/registries";
import type { CertificateHolderRole } from "./issue-certificates";

/**
 * Whose certificate a signed-in applicant may issue themselves in the sandbox: always the
 * account's own subject. An individual or entrepreneur gets an individual's certificate with
 * the account's IIN; a legal entity gets its head's certificate (role first_head) with the
 * organisation's BIN and the head's IIN and name from the subject or, when the registration
 * did not record them, from the legal-entity registry — as the demo key stores are built.
 */
export type SelfServiceHolder = {
  kind: "individual" | "legal_entity";
  role: Extract<CertificateHolderRole, "individual" | "first_head">;
  iin: string;
  bin?: string;
  surname: string;
  givenName: string;
  patronymic?: string;
  organisation?: string;
  userId: string;
};

const upper = (s: string) => s.toLocaleUpperCase("kk-KZ");

/** "Surname Given Patronymic…" → parts; a single word cannot name a certificate holder. */
function splitFullName(full: string): { surname: string; givenName: string; patronymic?: string } | null {
  const [surname, givenName, ...rest] = full.trim().split(/\s+/);
  if (!surname || !givenName) return null;
  return rest.length ? { surname, givenName, patronymic: rest.join(" ") } : { surname, givenName };
}

function withUpperNames<T extends { surname: string; givenName: string; patronymic?: string }>(p: T): T {
  return { ...p, surname: upper(p.surname), givenName: upper(p.givenName), ...(p.patronymic ? { patronymic: upper(p.patronymic) } : {}) };
}

export async function selfServiceHolder(db: DbOrTx, actor: Actor): Promise<SelfServiceHolder> {
  if (actor.kind !== "user" || actor.role !== "APPLICANT" || !actor.subjectId) throw new DomainError("testEds.errors.not_applicant");
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, active: true, surname: true, givenName: true, patronymic: true, subject: true },
  });
  const subject = user?.subject;
  if (!user?.active || !subject || subject.id !== actor.subjectId) throw new DomainError("testEds.errors.not_applicant");

  if (subject.kind !== "LEGAL_ENTITY") {
    const person = withUpperNames({ surname: user.surname, givenName: user.givenName, ...(user.patronymic ? { patronymic: user.patronymic } : {}) });
    return { kind: "individual", role: "individual", iin: subject.identifier, userId: user.id, ...person };
  }

  let headName = subject.headName;
  let headIin = subject.headIin;
  if (!headName || !headIin) {
    const found = await legalEntityRegistry(db).lookupByBin(subject.identifier);
    if (found.status === "found") ({ headName, headIin } = found.entity);
  }
  const head = headName ? splitFullName(headName) : null;
  if (!head || !headIin) throw new DomainError("testEds.errors.head_unknown");
  return {
    kind: "legal_entity",
    role: "first_head",
    iin: headIin,
    bin: subject.identifier,
    organisation: subject.name,
    userId: user.id,
    ...withUpperNames(head),
  };
}
