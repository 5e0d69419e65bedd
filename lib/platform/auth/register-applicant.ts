import { DomainError } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import { hashPassword } from "./passwords";
import type { TRegisterApplicantInput } from "./schemas";
import { toSessionUser, sessionUserSelect, type SessionUser } from "./authenticate";

/**
 * Self-registration of an applicant: the subject (legal entity by BIN, entrepreneur or individual
 * by IIN) and its account, whose login is the BIN/IIN. One transaction; a second registration of
 * the same BIN/IIN is refused.
 */
export async function registerApplicant(db: Db, input: TRegisterApplicantInput, ctx: { now: Date; meta: RequestMeta; locale: string }): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { login: input.identifier }, select: { id: true } });
    if (existing) throw new DomainError("auth.already_registered");
    const subject = await tx.subject.upsert({
      where: { identifier: input.identifier },
      update: {},
      create: {
        kind: input.kind,
        identifier: input.identifier,
        name: input.name,
        email: input.email,
        phone: input.phone,
        headName: input.kind === "LEGAL_ENTITY" ? null : `${input.surname} ${input.givenName}`,
        headIin: input.kind === "LEGAL_ENTITY" ? null : input.identifier,
      },
    });
    const user = await tx.user.create({
      data: {
        login: input.identifier,
        passwordHash,
        role: "APPLICANT",
        surname: input.surname,
        givenName: input.givenName,
        patronymic: input.patronymic || null,
        email: input.email,
        phone: input.phone,
        iin: input.kind === "LEGAL_ENTITY" ? null : input.identifier,
        locale: ctx.locale,
        subjectId: subject.id,
      },
      select: sessionUserSelect,
    });
    const session = toSessionUser(user);
    await recordAudit(tx, {
      type: "auth.registered",
      actor: { kind: "user", ...session },
      at: ctx.now,
      entityType: "subject",
      entityId: subject.id,
      data: { kind: input.kind, identifier: input.identifier },
      meta: ctx.meta,
    });
    return session;
  });
}

/** What a visitor is told after registering: the same for a new and an already registered IIN/BIN. */
export type TRegistrationAnswer = { continueTo: "sign-in" };

/**
 * Registration without account enumeration (issue 13 F10): an IIN/BIN that already has an account
 * gets exactly the answer of a new one (the password is hashed first in both cases, so the timing
 * matches too), and nothing is changed for it. The visitor then signs in with the password they
 * chose: the owner of a new account is in; anyone else meets the ordinary, uniform sign-in refusal.
 * See README.md "Registration" for the residual risk and why no e-mail activation is used yet.
 */
export async function registerApplicantUniformly(db: Db, input: TRegisterApplicantInput, ctx: { now: Date; meta: RequestMeta; locale: string }): Promise<TRegistrationAnswer> {
  try {
    await registerApplicant(db, input, ctx);
  } catch (e) {
    if (!(e instanceof DomainError && e.code === "auth.already_registered")) throw e;
  }
  return { continueTo: "sign-in" };
}
