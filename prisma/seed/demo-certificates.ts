/**
 * Demo EDS key stores from the sandbox CA (README "Demo EDS certificates"). For each holder an
 * authentication + signing pair (AUTH_RSA256_… / RSA256_…), valid 2025-01-01 … 2028-12-31,
 * protected by DEMO_EDS_PASSWORD, stored in IssuedCertificate (with the PKCS#12) so that the
 * demo page can offer them. Idempotent: a holder whose pair exists is skipped; the revoked
 * holder's certificates are revoked when they are not yet.
 *
 * Call after seedDemoAccounts (the certificates are linked to the demo users).
 */
import { systemActor } from "@/lib/platform/auth";
import type { Db } from "@/lib/platform/db";
import type { KeyPairGenerator, TIssuePairRequest } from "@/lib/trust/pki/server";
import {
  DEMO_EDS_PASSWORD,
  DEMO_EDS_VALIDITY,
  DEMO_ORGANISATION_BINS,
  issueCertificatePair,
  revokeCertificateAsSystem,
} from "@/lib/trust/certificates";
import { DEMO_APPLICANTS, DEMO_STAFF } from "./demo-data";

export { DEMO_EDS_PASSWORD } from "@/lib/trust/certificates";

type Person = { surname: string; givenName: string; patronymic?: string; iin: string };

export type DemoHolder = {
  /** Login of the portal account the pair belongs to. */
  login: string;
  person: Person;
  kind: "individual" | "legal_entity";
  role?: "first_head" | "signer" | "employee";
  bin?: string;
  /** Organisation code (officers) or name (applicants) for O=. */
  organisation?: { code: string } | { name: string };
  revoked?: boolean;
};

const FIRST_ENTITY = DEMO_APPLICANTS.find((a) => a.kind === "LEGAL_ENTITY")!;

/** Holders of demo certificates; IINs/BINs have valid check digits. */
export const DEMO_CERTIFICATE_HOLDERS: DemoHolder[] = [
  ...DEMO_APPLICANTS.map((a): DemoHolder =>
    a.kind === "LEGAL_ENTITY"
      ? { login: a.identifier, person: a.head, kind: "legal_entity", role: "first_head", bin: a.identifier, organisation: { name: a.name } }
      : { login: a.identifier, person: a.head, kind: "individual" },
  ),
  // An accountant of the first company: may sign in, has no right to sign for the company.
  { login: FIRST_ENTITY.identifier, person: { surname: "Жұмабекова", givenName: "Дина", iin: "900315400007" }, kind: "legal_entity", role: "employee", bin: FIRST_ENTITY.identifier, organisation: { name: FIRST_ENTITY.name } },
  // A former signer of the first company whose certificates were revoked (refusal demo).
  { login: FIRST_ENTITY.identifier, person: { surname: "Әлімов", givenName: "Тимур", iin: "871120300005" }, kind: "legal_entity", role: "signer", bin: FIRST_ENTITY.identifier, organisation: { name: FIRST_ENTITY.name }, revoked: true },
  ...DEMO_STAFF.filter((s) => (s.canSign || s.eds) && s.organisation).map((s): DemoHolder => {
    const bin = DEMO_ORGANISATION_BINS[s.organisation!];
    if (!bin) throw new Error(`demo certificates: no BIN for organisation ${s.organisation}`);
    const role = s.role === "HEAD" ? "first_head" : s.canSign ? "signer" : "employee";
    return { login: s.login, person: s, kind: "legal_entity", role, bin, organisation: { code: s.organisation! } };
  }),
];

const upper = (s: string) => s.toLocaleUpperCase("kk-KZ");

export async function seedDemoCertificates(db: Db, opts: { now: Date; crlUrl?: string; keyGenerator?: KeyPairGenerator }) {
  const actor = systemActor("seed");
  let created = 0;
  let revoked = 0;
  for (const h of DEMO_CERTIFICATE_HOLDERS) {
    const user = await db.user.findUnique({ where: { login: h.login }, select: { id: true } });
    if (!user) throw new Error(`demo certificates: demo account ${h.login} is missing (run seedDemoAccounts first)`);
    const role = h.kind === "individual" ? "individual" : h.role!;
    let serials = (
      await db.issuedCertificate.findMany({
        where: { iin: h.person.iin, bin: h.bin ?? null, role, userId: user.id, p12: { not: null } },
        select: { serial: true },
      })
    ).map((c) => c.serial);
    if (serials.length === 0) {
      const organisation =
        h.organisation === undefined
          ? undefined
          : "name" in h.organisation
            ? h.organisation.name
            : (await db.organisation.findUniqueOrThrow({ where: { code: h.organisation.code }, select: { nameRu: true } })).nameRu;
      const request: TIssuePairRequest = {
        kind: h.kind,
        iin: h.person.iin,
        surname: upper(h.person.surname),
        givenName: upper(h.person.givenName),
        password: DEMO_EDS_PASSWORD,
        notBefore: DEMO_EDS_VALIDITY.notBefore,
        notAfter: DEMO_EDS_VALIDITY.notAfter,
        ...(h.person.patronymic ? { patronymic: upper(h.person.patronymic) } : {}),
        ...(h.kind === "legal_entity" ? { role: h.role, bin: h.bin, organisation } : {}),
      };
      const pair = await issueCertificatePair(db, { request, userId: user.id, actor, now: opts.now, keepPkcs12: true, crlUrl: opts.crlUrl, keyGenerator: opts.keyGenerator });
      serials = [pair.authentication.serial, pair.signing.serial];
      created += 2;
    }
    if (h.revoked) {
      for (const serial of serials) {
        if (await db.certificateRevocation.findUnique({ where: { serial }, select: { serial: true } })) continue;
        await revokeCertificateAsSystem(db, { job: "seed", serial, reason: "affiliation_changed", now: opts.now, crlUrl: opts.crlUrl });
        revoked++;
      }
    }
  }
  return { created, revoked };
}
