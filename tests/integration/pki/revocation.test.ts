import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/platform/auth";
import {
  getCurrentCrl,
  getSandboxCa,
  getVerificationContext,
  issueCertificatePair,
  revokeCertificate,
} from "@/lib/trust/certificates";
import { TrustStore, issuerKeyOf, parseCrl } from "@/lib/trust/pki/server";
import { createUser, uniqueBin, uniqueIin } from "../../factories";
import { createTestDb, type TestDb } from "../../support/test-db";
import { NOW, at, keyPool, legalEntityRequest } from "./helpers";

let t: TestDb;
const keys = keyPool(6);
const crlUrl = "http://portal.test/api/pki/crl";

beforeAll(async () => {
  t = await createTestDb();
  await getSandboxCa(t.db, { now: NOW, crlUrl, keyGenerator: keys });
});
afterAll(async () => {
  await t.drop();
});

async function issue() {
  return issueCertificatePair(t.db, {
    request: legalEntityRequest({ iin: uniqueIin(), bin: uniqueBin(), role: "first_head" }),
    userId: null,
    actor: systemActor("test"),
    now: NOW,
    keepPkcs12: false,
    crlUrl,
    keyGenerator: keys,
  });
}

describe("revocation", () => {
  it("only an administrator may revoke; the refusal changes nothing", async () => {
    const pair = await issue();
    const { actor: clerk } = await createUser(t.db, "OFFICE_CLERK");
    await expect(revokeCertificate(t.db, { actor: clerk, serial: pair.signing.serial, reason: "key_compromise", now: NOW })).rejects.toThrow("auth.forbidden");
    await expect(revokeCertificate(t.db, { actor: systemActor("x"), serial: pair.signing.serial, reason: "key_compromise", now: NOW })).rejects.toThrow("auth.forbidden");
    expect(await t.db.certificateRevocation.count({ where: { serial: pair.signing.serial } })).toBe(0);
  });

  it("a revocation is in the served CRL and in the verification context at once (cache invalidated)", async () => {
    const pair = await issue();
    const { actor: admin } = await createUser(t.db, "ADMIN");

    const before = await getVerificationContext(t.db, at(1));
    const issuer = before.trustStore.intermediates[0]!;
    expect(before.revocations.check(issuerKeyOf(issuer), pair.signing.serial, at(1))).toEqual({ status: "good" });
    // Unchanged state: the same context object comes back (no rebuild, no new CRL).
    expect(await getVerificationContext(t.db, at(1))).toBe(before);

    const revokedAt = new Date(at(1).getTime() + 60_000);
    await revokeCertificate(t.db, { actor: admin, serial: pair.signing.serial, reason: "key_compromise", now: revokedAt });
    expect(await t.db.certificateRevocation.findUniqueOrThrow({ where: { serial: pair.signing.serial } })).toMatchObject({ reason: "key_compromise", revokedById: admin.userId });
    expect(await t.db.auditEvent.count({ where: { type: "pki.certificate_revoked", entityId: pair.signing.serial, actorId: admin.userId } })).toBe(1);

    const later = new Date(revokedAt.getTime() + 60_000);
    const after = await getVerificationContext(t.db, later);
    expect(after).not.toBe(before);
    expect(after.revocations.check(issuerKeyOf(issuer), pair.signing.serial, later)).toMatchObject({ status: "revoked", reason: "key_compromise", revokedAt });
    expect(after.revocations.check(issuerKeyOf(issuer), pair.authentication.serial, later)).toEqual({ status: "good" });

    // The CRL the route serves: signed by the issuing CA, lists the serial.
    const crl = await getCurrentCrl(t.db, later);
    const anchors = await (await getSandboxCa(t.db, { now: NOW })).trustAnchors();
    const parsed = parseCrl(crl.der, TrustStore.from(anchors), later);
    expect(parsed.entries.get(pair.signing.serial)).toMatchObject({ reason: "key_compromise" });
    expect(parsed.nextUpdate > later).toBe(true);
  });

  it("a second revocation of the same certificate and an unknown serial are refused", async () => {
    const pair = await issue();
    const { actor: admin } = await createUser(t.db, "ADMIN");
    await revokeCertificate(t.db, { actor: admin, serial: pair.authentication.serial, reason: "superseded", now: at(2) });
    await expect(revokeCertificate(t.db, { actor: admin, serial: pair.authentication.serial, reason: "superseded", now: at(2) })).rejects.toThrow("pki.already_revoked");
    await expect(revokeCertificate(t.db, { actor: admin, serial: "4b5a00000000ffff", reason: "superseded", now: at(2) })).rejects.toThrow("pki.unknown_serial");
    expect(await t.db.auditEvent.count({ where: { type: "pki.certificate_revoked", entityId: pair.authentication.serial } })).toBe(1);
  });

  it("another process's revocation is seen through the change check", async () => {
    const pair = await issue();
    const { actor: admin } = await createUser(t.db, "ADMIN");
    const ctx = await getVerificationContext(t.db, at(3));
    // Simulate a revocation written by another process (no in-process invalidation).
    await t.db.certificateRevocation.create({ data: { serial: pair.signing.serial, revokedAt: at(3), reason: "affiliation_changed", revokedById: admin.userId } });
    const next = await getVerificationContext(t.db, new Date(at(3).getTime() + 1000));
    expect(next).not.toBe(ctx);
    expect(next.revocations.check(issuerKeyOf(next.trustStore.intermediates[0]!), pair.signing.serial, at(4))).toMatchObject({ status: "revoked", reason: "affiliation_changed" });
  });
});
