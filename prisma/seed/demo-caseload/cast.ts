// The people of the demo caseload: the demo officers (plus a West Kazakhstan office, whose
// regulation is in the seeds but which has no demo accounts), the demo applicants and a few more
// companies, each with a real EDS key store from the sandbox CA to sign with.
import { hashPassword, sessionUserSelect, systemActor, toSessionUser, type UserActor } from "@/lib/platform/auth";
import type { Db } from "@/lib/platform/db";
import { DEMO_EDS_PASSWORD, DEMO_EDS_VALIDITY, DEMO_ORGANISATION_BINS, issueCertificatePair } from "@/lib/trust/certificates";
import { openPkcs12, type OpenedPkcs12 } from "@/lib/trust/pki";
import { DEMO_APPLICANT_PASSWORD, DEMO_STAFF_PASSWORD } from "../demo-data";
import { binFrom, iinFrom, type Rng } from "./random";

export type Officer = UserActor & { login: string };
export type Applicant = { actor: UserActor; subject: { id: string; kind: string; identifier: string; name: string; legalAddress: string | null; email: string | null }; key: OpenedPkcs12 };
export type Signer = { actor: Officer; key: OpenedPkcs12 };

/** Officers of West Kazakhstan (regulation west-kazakhstan-2013-scrap) for the demo caseload. */
export const CASELOAD_STAFF = [
  { login: "wko.clerk", role: "OFFICE_CLERK", surname: "Құрманова", givenName: "Гүлмира", iin: "910304400009" },
  { login: "wko.head", role: "HEAD", surname: "Төлегенов", givenName: "Бекзат", iin: "740618300003", canSign: true },
  { login: "wko.executor", role: "EXECUTOR", surname: "Ғалиев", givenName: "Руслан", iin: "890211300000" },
] as const;

/** An invented BIN (valid check digit) for the West Kazakhstan officers' certificates. */
const WKO_BIN = "990640003307";

const COMPANY_NAMES = [
  "«Жайық Металл Сервис» ЖШС", "«Елек Сынық» ЖШС", "«Каспий Ресайклинг» ЖШС", "«Ертіс Астық» АҚ", "«Алтай Элеватор» ЖШС",
  "«Оңтүстік Химия» ЖШС", "«Сарыарқа Экспорт» ЖШС", "«Маңғыстау Вторсырьё» ЖШС", "«Нұр Агро Қойма» ЖШС", "«Батыс Металл» ЖШС",
  "«Атырау Темір» ЖШС", "«Қазақ Пиротехника» ЖШС",
];
const CITIES = ["Ақтөбе қ.", "Атырау қ.", "Орал қ.", "Өскемен қ.", "Астана қ.", "Алматы қ."];

function toActor(u: Parameters<typeof toSessionUser>[0]): UserActor {
  const { locale: _locale, ...s } = toSessionUser(u);
  return { kind: "user", ...s };
}

export async function officerByLogin(db: Db, login: string): Promise<Officer> {
  const u = await db.user.findUniqueOrThrow({ where: { login }, select: sessionUserSelect });
  return { ...toActor(u), login };
}

async function signingKey(db: Db, o: { userId: string; iin: string; bin?: string }): Promise<OpenedPkcs12> {
  const list = await db.issuedCertificate.findMany({
    where: { userId: o.userId, iin: o.iin, purpose: "SIGNING", p12: { not: null }, ...(o.bin ? { bin: o.bin } : {}) },
    orderBy: { createdAt: "desc" },
    select: { serial: true, p12: true },
  });
  for (const c of list) {
    if (await db.certificateRevocation.findUnique({ where: { serial: c.serial }, select: { serial: true } })) continue;
    return openPkcs12(new Uint8Array(c.p12!), DEMO_EDS_PASSWORD);
  }
  throw new Error(`demo caseload: no signing key store for ${o.iin}`);
}

/** Staff of every organisation of the caseload, by role (first of each), and the signers' keys. */
export async function loadOfficers(db: Db, now: Date) {
  const wko = await db.organisation.findUniqueOrThrow({ where: { code: "west-kazakhstan" }, select: { id: true, nameRu: true } });
  const hash = await hashPassword(DEMO_STAFF_PASSWORD);
  for (const s of CASELOAD_STAFF) {
    if (await db.user.findUnique({ where: { login: s.login }, select: { id: true } })) continue;
    const user = await db.user.create({
      data: { login: s.login, passwordHash: hash, role: s.role, surname: s.surname, givenName: s.givenName, iin: s.iin, canSign: "canSign" in s, organisationId: wko.id, position: s.role },
    });
    if ("canSign" in s) {
      // West Kazakhstan has no BIN in DEMO_ORGANISATION_BINS: the signature is checked by the head's IIN.
      await issueCertificatePair(db, {
        request: { kind: "legal_entity", role: "first_head", bin: WKO_BIN, organisation: wko.nameRu, iin: s.iin, surname: s.surname.toLocaleUpperCase("kk-KZ"), givenName: s.givenName.toLocaleUpperCase("kk-KZ"), password: DEMO_EDS_PASSWORD, notBefore: DEMO_EDS_VALIDITY.notBefore, notAfter: DEMO_EDS_VALIDITY.notAfter },
        userId: user.id,
        actor: systemActor("seed"),
        now,
        keepPkcs12: true,
      });
    }
  }
  const staff = await db.user.findMany({
    where: { organisationId: { not: null }, role: { in: ["OFFICE_CLERK", "HEAD", "DEPUTY_HEAD", "DEPARTMENT_HEAD", "EXECUTOR"] }, login: { contains: "." } },
    select: { login: true },
    orderBy: { login: "asc" },
  });
  const byOrg = new Map<string, Map<string, Officer[]>>();
  for (const { login } of staff) {
    const o = await officerByLogin(db, login);
    const roles = byOrg.get(o.organisationId!) ?? new Map<string, Officer[]>();
    roles.set(o.role, [...(roles.get(o.role) ?? []), o]);
    byOrg.set(o.organisationId!, roles);
  }
  const signers = new Map<string, Signer>();
  const bins: Record<string, string> = { ...DEMO_ORGANISATION_BINS, "west-kazakhstan": WKO_BIN };
  for (const roles of byOrg.values()) {
    const head = roles.get("HEAD")?.find((h) => h.canSign);
    if (!head) continue;
    const org = await db.organisation.findUniqueOrThrow({ where: { id: head.organisationId! }, select: { code: true } });
    const u = await db.user.findUniqueOrThrow({ where: { id: head.userId }, select: { iin: true } });
    signers.set(head.organisationId!, { actor: head, key: await signingKey(db, { userId: head.userId, iin: u.iin!, bin: bins[org.code] }) });
  }
  return { byOrg, signers };
}

/** The demo applicants and `extra` more companies (registry entry, account and EDS each). */
export async function loadApplicants(db: Db, r: Rng, o: { extra: number; now: Date }): Promise<Applicant[]> {
  const hash = await hashPassword(DEMO_APPLICANT_PASSWORD);
  for (let i = 0; i < o.extra; i++) {
    const bin = binFrom(r);
    const headIin = iinFrom(r);
    const name = COMPANY_NAMES[i % COMPANY_NAMES.length]!;
    const address = `${CITIES[i % CITIES.length]}, Өнеркәсіп көшесі, ${10 + i}`;
    if (await db.subject.findUnique({ where: { identifier: bin }, select: { id: true } })) continue;
    const [surname, givenName] = ([["Әміров", "Қанат"], ["Иванова", "Ольга"], ["Сейітов", "Ерлан"], ["Ким", "Владимир"]] as const)[i % 4]!;
    const subject = await db.subject.create({ data: { kind: "LEGAL_ENTITY", identifier: bin, name, legalAddress: address, headName: `${surname} ${givenName}`, headIin, email: `office${i}@demo.example.kz`, phone: `+7 701 100 ${String(10 + i).padStart(2, "0")} 00` } });
    await db.registryEntity.create({ data: { bin, name, legalAddress: address, headName: `${surname} ${givenName}`, headIin, registeredAt: new Date(Date.UTC(2000 + (i % 20), i % 12, 10)), status: "ACTIVE" } });
    const user = await db.user.create({ data: { login: bin, passwordHash: hash, role: "APPLICANT", surname, givenName, iin: headIin, email: subject.email, subjectId: subject.id } });
    await issueCertificatePair(db, {
      request: { kind: "legal_entity", role: "first_head", bin, organisation: name, iin: headIin, surname: surname.toLocaleUpperCase("kk-KZ"), givenName: givenName.toLocaleUpperCase("kk-KZ"), password: DEMO_EDS_PASSWORD, notBefore: DEMO_EDS_VALIDITY.notBefore, notAfter: DEMO_EDS_VALIDITY.notAfter },
      userId: user.id,
      actor: systemActor("seed"),
      now: o.now,
      keepPkcs12: true,
    });
  }
  const users = await db.user.findMany({ where: { role: "APPLICANT", subjectId: { not: null } }, select: { ...sessionUserSelect, iin: true, subject: true }, orderBy: { login: "asc" } });
  const out: Applicant[] = [];
  for (const u of users) {
    if (!u.subject || !u.iin) continue;
    const bin = u.subject.kind === "LEGAL_ENTITY" ? u.subject.identifier : undefined;
    const key = await signingKey(db, { userId: u.id, iin: u.iin, bin }).catch(() => null);
    if (key) out.push({ actor: toActor(u), subject: u.subject, key });
  }
  return out;
}
