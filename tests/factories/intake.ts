import type { Db } from "@/lib/platform/db";
import type { UserActor } from "@/lib/platform/auth";
import { createUser, uniqueBin, uniqueIin } from "./index";

/** Staff of one real organisation (reference data must be loaded): clerk, head (signs), executor. */
export async function intakeStaff(db: Db, orgCode = "aktobe") {
  const organisation = await db.organisation.findUniqueOrThrow({ where: { code: orgCode } });
  const clerk = (await createUser(db, "OFFICE_CLERK", { organisationId: organisation.id })).actor;
  const headUser = await createUser(db, "HEAD", { organisationId: organisation.id });
  await db.user.update({ where: { id: headUser.actor.userId }, data: { canSign: true } });
  const head: UserActor = { ...headUser.actor, canSign: true };
  const executor = (await createUser(db, "EXECUTOR", { organisationId: organisation.id })).actor;
  return { organisation, clerk, head, executor };
}

/** A legal entity in the registry sandbox (ACTIVE unless told otherwise). */
export async function registryEntity(db: Db, o: { status?: "ACTIVE" | "LIQUIDATED"; name?: string } = {}) {
  const bin = uniqueBin();
  return db.registryEntity.create({
    data: {
      bin,
      name: o.name ?? `«Тест ${bin}» ЖШС`,
      legalAddress: "Ақтөбе қ., Абай даңғылы, 1",
      headName: "Тестов Тест Тестұлы",
      headIin: uniqueIin(),
      registeredAt: new Date("2015-03-15"),
      status: o.status ?? "ACTIVE",
    },
  });
}

/** A notarised power of attorney dated a month before `now` (override any field). */
export function powerOfAttorney(now: Date, over: Record<string, unknown> = {}) {
  const date = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  return { iin: uniqueIin(), fullName: "Өкілов Өкіл Өкілұлы", poaNumber: "1-234", poaDate: date, notarised: true, ...over };
}

/** A complete scrap-metal issue form. */
export const SCRAP_FORM = {
  activitySubtypes: ["ferrous-collection", "ferrous-storage"],
  activityAddress: "Ақтөбе қ., Өнеркәсіп аймағы, 12",
  contactPhone: "+7 701 000 00 00",
  contactEmail: "office@example.kz",
};

/** Every paper document of the scrap-metal issue package (provider channel). */
export const SCRAP_PAPER = ["application", "charter", "tax_registration_certificate", "licence_fee_receipt", "qualification_documents"];
