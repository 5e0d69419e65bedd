import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPkcs12 } from "@/lib/trust/pki";
import {
  DEMO_EDS_PASSWORD,
  DEMO_ORGANISATION_BINS,
  authenticateWithEds,
  createAuthChallenge,
  getDemoPkcs12,
  listDemoCertificates,
} from "@/lib/trust/certificates";
import { seedDemoAccounts } from "@/prisma/seed/demo-accounts";
import { DEMO_CERTIFICATE_HOLDERS, seedDemoCertificates } from "@/prisma/seed/demo-certificates";
import { syncCatalogueAndOrganisations } from "@/prisma/seed/reference-data";
import { createTestDb, type TestDb } from "../../support/test-db";
import { keyPool, signWith } from "./helpers";

let t: TestDb;
const keys = keyPool(6);
const crlUrl = "http://portal.test/api/pki/crl";
const audience = "http://portal.test";
const SEED_AT = new Date("2026-11-29T06:00:00Z");
const LATER = new Date("2026-12-01T06:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  await syncCatalogueAndOrganisations(t.db);
  await seedDemoAccounts(t.db);
}, 120_000);
afterAll(async () => {
  await t.drop();
});

describe("seedDemoCertificates", () => {
  it("issues a pair per demo holder once, revokes the revoked holder's pair, and is idempotent", async () => {
    const first = await seedDemoCertificates(t.db, { now: SEED_AT, crlUrl, keyGenerator: keys });
    expect(first).toEqual({ created: DEMO_CERTIFICATE_HOLDERS.length * 2, revoked: 2 });
    expect(await seedDemoCertificates(t.db, { now: SEED_AT, crlUrl, keyGenerator: keys })).toEqual({ created: 0, revoked: 0 });

    const list = await listDemoCertificates(t.db, { now: LATER });
    expect(list).toHaveLength(DEMO_CERTIFICATE_HOLDERS.length * 2);
    const company = list.filter((c) => c.bin === "050340000009");
    expect(company.map((c) => `${c.role}/${c.purpose}/${c.status}`).sort()).toEqual([
      "employee/AUTHENTICATION/valid",
      "employee/SIGNING/valid",
      "first_head/AUTHENTICATION/valid",
      "first_head/SIGNING/valid",
      "signer/AUTHENTICATION/revoked",
      "signer/SIGNING/revoked",
    ]);
    const head = list.find((c) => c.user?.login === "aktobe.head" && c.purpose === "SIGNING")!;
    expect(head).toMatchObject({ bin: DEMO_ORGANISATION_BINS.aktobe, iin: "700105300017", role: "first_head" });
    const ie = list.find((c) => c.iin === "010520500001" && c.purpose === "AUTHENTICATION")!;
    expect(ie).toMatchObject({ bin: null, role: "individual" });
    expect(ie.notBefore.toISOString()).toBe("2024-12-31T19:00:00.000Z");
    expect(ie.notAfter.toISOString()).toBe("2028-12-31T18:59:59.000Z");
  });

  it("the demo key stores open with the documented password and sign in to the company account", async () => {
    const list = await listDemoCertificates(t.db, { now: LATER });
    const auth = list.find((c) => c.bin === "050340000009" && c.role === "first_head" && c.purpose === "AUTHENTICATION")!;
    const file = await getDemoPkcs12(t.db, auth.serial);
    expect(file!.fileName).toMatch(/^AUTH_RSA256_050340000009_4b5a[0-9a-f]+\.p12$/);
    expect(openPkcs12(file!.bytes, DEMO_EDS_PASSWORD).info).toMatchObject({ purpose: "authentication", bin: "050340000009", iin: "800115300002" });

    const ch = await createAuthChallenge(t.db, { now: LATER, audience });
    const session = await authenticateWithEds(t.db, { challengeId: ch.challengeId, cms: signWith(file!.bytes, ch.challenge, LATER, DEMO_EDS_PASSWORD) }, { now: LATER, audience });
    const user = await t.db.user.findUniqueOrThrow({ where: { login: "050340000009" } });
    expect(session.userId).toBe(user.id);

    const revoked = list.find((c) => c.status === "revoked" && c.purpose === "AUTHENTICATION")!;
    const revokedFile = await getDemoPkcs12(t.db, revoked.serial);
    const ch2 = await createAuthChallenge(t.db, { now: LATER, audience });
    await expect(
      authenticateWithEds(t.db, { challengeId: ch2.challengeId, cms: signWith(revokedFile!.bytes, ch2.challenge, LATER, DEMO_EDS_PASSWORD) }, { now: LATER, audience }),
    ).rejects.toThrow("eds.sign_in_status.revoked");
  });
});

describe("demo mode (issue 13, F7): the demo pages and downloads exist only with DEMO_MODE=1", () => {
  const download = async (serial: string) => {
    (globalThis as unknown as { __db?: unknown }).__db = t.db; // the app's getDb() → this test's database
    const { GET } = await import("@/app/api/pki/demo-certificates/[serial]/route");
    return GET(new Request(`http://portal.test/api/pki/demo-certificates/${serial}`), { params: Promise.resolve({ serial }) });
  };
  const withDemoMode = async <R>(value: string | undefined, fn: () => Promise<R>): Promise<R> => {
    const before = process.env.DEMO_MODE;
    if (value === undefined) delete process.env.DEMO_MODE;
    else process.env.DEMO_MODE = value;
    try {
      return await fn();
    } finally {
      if (before === undefined) delete process.env.DEMO_MODE;
      else process.env.DEMO_MODE = before;
    }
  };

  it("a demo key store downloads in demo mode and is 404 without it (unset or 0)", async () => {
    await seedDemoCertificates(t.db, { now: SEED_AT, crlUrl, keyGenerator: keys });
    const serial = (await listDemoCertificates(t.db, { now: LATER }))[0]!.serial;
    const on = await withDemoMode("1", () => download(serial));
    expect(on.status).toBe(200);
    expect(on.headers.get("content-type")).toBe("application/x-pkcs12");
    for (const off of [undefined, "0"]) {
      const r = await withDemoMode(off, () => download(serial));
      expect(r.status).toBe(404);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe("errors.not_found");
    }
  });
});
