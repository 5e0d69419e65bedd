import { type Actor, assertCan } from "@/lib/platform/auth";
import type { DbOrTx } from "@/lib/platform/db";

/** Issued certificates with their status at `now`, for the administrator and the demo page. */

export type CertificateStatus = "valid" | "revoked" | "expired" | "not_yet_valid";

export type CertificateListItem = {
  serial: string;
  purpose: "AUTHENTICATION" | "SIGNING";
  role: string;
  holderName: string;
  organisation: string | null;
  iin: string | null;
  bin: string | null;
  subjectDn: string;
  notBefore: Date;
  notAfter: Date;
  status: CertificateStatus;
  revokedAt: Date | null;
  revocationReason: string | null;
  user: { login: string; name: string } | null;
  /** A demo key store is stored and can be downloaded. */
  hasPkcs12: boolean;
};

/** "CN=…, SURNAME=…, …, O=…, OU=BIN…" (lib/trust/pki's rendering of the subject) → one attribute. */
function attribute(dn: string, name: string): string | null {
  const m = new RegExp(`(?:^|, )${name}=(.*?)(?=, [A-Z]+=|$)`).exec(dn);
  return m?.[1] ?? null;
}

function statusAt(c: { notBefore: Date; notAfter: Date }, revokedAt: Date | null, now: Date): CertificateStatus {
  if (revokedAt && revokedAt <= now) return "revoked";
  if (now < c.notBefore) return "not_yet_valid";
  if (now > c.notAfter) return "expired";
  return "valid";
}

const select = {
  serial: true,
  purpose: true,
  role: true,
  subjectDn: true,
  iin: true,
  bin: true,
  notBefore: true,
  notAfter: true,
  createdAt: true,
  p12: false,
  user: { select: { login: true, surname: true, givenName: true, patronymic: true } },
} as const;

async function list(db: DbOrTx, where: object, now: Date, take: number): Promise<CertificateListItem[]> {
  const rows = await db.issuedCertificate.findMany({ where, select, orderBy: [{ createdAt: "asc" }, { serial: "asc" }], take });
  const hasP12 = new Set(
    (await db.issuedCertificate.findMany({ where: { serial: { in: rows.map((r) => r.serial) }, p12: { not: null } }, select: { serial: true } })).map(
      (r) => r.serial,
    ),
  );
  const revocations = new Map(
    (await db.certificateRevocation.findMany({ where: { serial: { in: rows.map((r) => r.serial) } } })).map((r) => [r.serial, r]),
  );
  return rows.map((r) => {
    const rev = revocations.get(r.serial) ?? null;
    return {
      serial: r.serial,
      purpose: r.purpose === "SIGNING" ? "SIGNING" : "AUTHENTICATION",
      role: r.role,
      holderName: attribute(r.subjectDn, "CN") ?? r.subjectDn,
      organisation: attribute(r.subjectDn, "O"),
      iin: r.iin,
      bin: r.bin,
      subjectDn: r.subjectDn,
      notBefore: r.notBefore,
      notAfter: r.notAfter,
      status: statusAt(r, rev?.revokedAt ?? null, now),
      revokedAt: rev?.revokedAt ?? null,
      revocationReason: rev?.reason ?? null,
      user: r.user ? { login: r.user.login, name: [r.user.surname, r.user.givenName, r.user.patronymic].filter(Boolean).join(" ") } : null,
      hasPkcs12: hasP12.has(r.serial),
    };
  });
}

/** Administrator: every certificate of the sandbox CA, optionally filtered by IIN/BIN/serial/name. */
export async function listIssuedCertificates(db: DbOrTx, actor: Actor, opts: { now: Date; query?: string; limit?: number }) {
  assertCan(actor, "admin.pki");
  const q = opts.query?.trim();
  const where = q
    ? {
        OR: [
          { iin: q },
          { bin: q },
          { serial: q.toLowerCase() },
          { subjectDn: { contains: q, mode: "insensitive" as const } },
          { user: { login: q.toLowerCase() } },
        ],
      }
    : {};
  return list(db, where, opts.now, Math.min(opts.limit ?? 200, 500));
}

/** Demo key stores anyone may download (the page and the route check `isDemoMode`, lib/platform/demo). */
export async function listDemoCertificates(db: DbOrTx, opts: { now: Date }) {
  return list(db, { p12: { not: null } }, opts.now, 200);
}

/** The stored demo PKCS#12 of `serial`, with an NCA-like file name; null when there is none. */
export async function getDemoPkcs12(db: DbOrTx, serial: string) {
  const row = await db.issuedCertificate.findUnique({ where: { serial: serial.toLowerCase() }, select: { serial: true, purpose: true, p12: true, iin: true, bin: true } });
  if (!row?.p12) return null;
  const prefix = row.purpose === "SIGNING" ? "RSA256" : "AUTH_RSA256";
  return { bytes: new Uint8Array(row.p12), fileName: `${prefix}_${row.bin ?? row.iin ?? "demo"}_${row.serial}.p12` };
}

/** The signed-in applicant's own self-issued test certificates (no key store is kept for them). */
export async function listSelfServiceCertificates(db: DbOrTx, actor: Actor, opts: { now: Date }) {
  if (actor.kind !== "user" || actor.role !== "APPLICANT") return [];
  return list(db, { userId: actor.userId, p12: null }, opts.now, 50);
}
