import type { Db } from "@/lib/platform/db";
import { hashPassword } from "@/lib/platform/auth";
import { DEMO_APPLICANT_PASSWORD, DEMO_APPLICANTS, DEMO_STAFF, DEMO_STAFF_PASSWORD, REGISTRY_ENTRIES } from "./demo-data";

/** Demo staff, applicants and registry entries; only what is missing is created. */
export async function seedDemoAccounts(db: Db) {
  const orgs = new Map((await db.organisation.findMany({ select: { id: true, code: true } })).map((o) => [o.code, o.id]));
  const staffHash = await hashPassword(DEMO_STAFF_PASSWORD);
  const applicantHash = await hashPassword(DEMO_APPLICANT_PASSWORD);
  let created = 0;
  for (const s of DEMO_STAFF) {
    if (await db.user.findUnique({ where: { login: s.login }, select: { id: true } })) continue;
    const organisationId = s.organisation ? orgs.get(s.organisation) : null;
    if (s.organisation && !organisationId) throw new Error(`Demo user ${s.login}: unknown organisation ${s.organisation}`);
    await db.user.create({
      data: {
        login: s.login,
        passwordHash: staffHash,
        role: s.role,
        surname: s.surname,
        givenName: s.givenName,
        patronymic: s.patronymic ?? null,
        iin: s.iin,
        canSign: s.canSign ?? false,
        organisationId: organisationId ?? null,
        supervisorScope: s.supervisorScope ?? null,
        position: s.role,
      },
    });
    created++;
  }
  for (const a of DEMO_APPLICANTS) {
    if (await db.user.findUnique({ where: { login: a.identifier }, select: { id: true } })) continue;
    const headName = [a.head.surname, a.head.givenName, a.head.patronymic].filter(Boolean).join(" ");
    await db.$transaction(async (tx) => {
      const subject = await tx.subject.upsert({
        where: { identifier: a.identifier },
        update: {},
        create: { kind: a.kind, identifier: a.identifier, name: a.name, legalAddress: a.legalAddress, headName, headIin: a.head.iin, email: a.email, phone: a.phone },
      });
      await tx.user.create({
        data: {
          login: a.identifier,
          passwordHash: applicantHash,
          role: "APPLICANT",
          surname: a.head.surname,
          givenName: a.head.givenName,
          patronymic: a.head.patronymic ?? null,
          iin: a.head.iin,
          email: a.email,
          phone: a.phone,
          subjectId: subject.id,
        },
      });
    });
    created++;
  }
  await db.registryEntity.createMany({ data: REGISTRY_ENTRIES, skipDuplicates: true });
  return { created };
}
