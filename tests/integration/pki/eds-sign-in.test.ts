import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/platform/auth";
import {
  AUTH_CHALLENGE_TTL_MS,
  authenticateWithEds,
  createAuthChallenge,
  getSandboxCa,
  issueCertificatePair,
  revokeCertificateAsSystem,
} from "@/lib/trust/certificates";
import type { TIssuePairRequest } from "@/lib/trust/pki/server";
import { createSubject, createUser, uniqueBin, uniqueIin } from "../../factories";
import { createTestDb, type TestDb } from "../../support/test-db";
import { NOW, at, individualRequest, keyPool, legalEntityRequest, signWith } from "./helpers";

let t: TestDb;
const keys = keyPool(6);
const crlUrl = "http://portal.test/api/pki/crl";
const audience = "http://portal.test";
const meta = { ip: "10.1.1.1", userAgent: "vitest" };

let bin: string;
let companyUser: Awaited<ReturnType<typeof createUser>>["user"];

beforeAll(async () => {
  t = await createTestDb();
  await getSandboxCa(t.db, { now: NOW, crlUrl, keyGenerator: keys });
  const subject = await createSubject(t.db);
  bin = subject.identifier;
  const created = await createUser(t.db, "APPLICANT", { subjectId: subject.id });
  await t.db.user.update({ where: { id: created.user.id }, data: { login: bin } });
  companyUser = created.user;
});
afterAll(async () => {
  await t.drop();
});

const issue = (request: TIssuePairRequest) =>
  issueCertificatePair(t.db, { request, userId: null, actor: systemActor("test"), now: NOW, keepPkcs12: true, crlUrl, keyGenerator: keys });

async function signIn(pkcs12: Uint8Array, now = at(1), opts: { challengeAt?: Date } = {}) {
  const ch = await createAuthChallenge(t.db, { now: opts.challengeAt ?? now, audience });
  const cms = signWith(pkcs12, ch.challenge, now);
  return { ch, cms, run: () => authenticateWithEds(t.db, { challengeId: ch.challengeId, cms }, { now, meta, audience }) };
}

describe("EDS sign-in (authenticateWithEds)", () => {
  it("the authentication key of a legal entity signs in the account whose login is the BIN", async () => {
    const pair = await issue(legalEntityRequest({ iin: uniqueIin(), bin, role: "first_head" }));
    const { ch, run } = await signIn(pair.authentication.pkcs12!);
    const session = await run();
    expect(session).toMatchObject({ userId: companyUser.id, role: "APPLICANT", subjectId: companyUser.subjectId });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "auth.signed_in", entityId: companyUser.id } });
    expect(audit.data).toMatchObject({ method: "eds", bin, certSerial: pair.authentication.serial, subjectRole: "first_head" });
    expect(audit.ip).toBe(meta.ip);
    expect((await t.db.authChallenge.findUniqueOrThrow({ where: { id: ch.challengeId } })).usedAt).toEqual(at(1));
  });

  it("an employee (no signing right) may sign in; an individual's certificate signs in the IIN account", async () => {
    const employee = await issue(legalEntityRequest({ iin: uniqueIin(), bin, role: "employee" }));
    expect((await (await signIn(employee.authentication.pkcs12!)).run()).userId).toBe(companyUser.id);

    const iin = uniqueIin();
    const person = await createUser(t.db, "APPLICANT", { subjectId: (await t.db.subject.create({ data: { kind: "INDIVIDUAL_ENTREPRENEUR", identifier: iin, name: "ЖК" } })).id });
    await t.db.user.update({ where: { id: person.user.id }, data: { login: iin } });
    const own = await issue(individualRequest({ iin }));
    expect((await (await signIn(own.authentication.pkcs12!)).run()).userId).toBe(person.user.id);
  });

  it("the signing key cannot sign in: wrong_key_usage, audited", async () => {
    const pair = await issue(legalEntityRequest({ iin: uniqueIin(), bin, role: "first_head" }));
    const { run } = await signIn(pair.signing.pkcs12!);
    await expect(run()).rejects.toThrow("eds.sign_in_status.wrong_key_usage");
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "auth.sign_in_failed" }, orderBy: { id: "desc" } });
    expect(audit.data).toMatchObject({ method: "eds", status: "wrong_key_usage", certSerial: pair.signing.serial });
  });

  it("a revoked authentication certificate is refused", async () => {
    const pair = await issue(legalEntityRequest({ iin: uniqueIin(), bin, role: "signer" }));
    await revokeCertificateAsSystem(t.db, { job: "test", serial: pair.authentication.serial, reason: "key_compromise", now: at(1) });
    const { run } = await signIn(pair.authentication.pkcs12!, at(2));
    await expect(run()).rejects.toThrow("eds.sign_in_status.revoked");
  });

  it("a challenge is used once and expires after 5 minutes; an unknown challenge is refused", async () => {
    const pair = await issue(legalEntityRequest({ iin: uniqueIin(), bin, role: "first_head" }));
    const first = await signIn(pair.authentication.pkcs12!, at(3));
    await first.run();
    await expect(first.run()).rejects.toThrow("eds.errors.challenge_used");

    const late = new Date(at(3).getTime() + AUTH_CHALLENGE_TTL_MS + 1000);
    const ch = await createAuthChallenge(t.db, { now: at(3), audience });
    const cms = signWith(pair.authentication.pkcs12!, ch.challenge, late);
    await expect(authenticateWithEds(t.db, { challengeId: ch.challengeId, cms }, { now: late, meta, audience })).rejects.toThrow("eds.errors.challenge_expired");
    // An expired challenge is not consumed by the refused attempt, and stays refused.
    expect((await t.db.authChallenge.findUniqueOrThrow({ where: { id: ch.challengeId } })).usedAt).toBeNull();

    await expect(authenticateWithEds(t.db, { challengeId: "00000000-0000-4000-8000-000000000000", cms }, { now: at(3), meta, audience })).rejects.toThrow("eds.errors.challenge_invalid");
  });

  it("a signature over another challenge (or another audience) does not verify", async () => {
    const pair = await issue(legalEntityRequest({ iin: uniqueIin(), bin, role: "first_head" }));
    const a = await createAuthChallenge(t.db, { now: at(4), audience });
    const b = await createAuthChallenge(t.db, { now: at(4), audience });
    const cms = signWith(pair.authentication.pkcs12!, b.challenge, at(4));
    await expect(authenticateWithEds(t.db, { challengeId: a.challengeId, cms }, { now: at(4), meta, audience })).rejects.toThrow("eds.sign_in_status.content_mismatch");
    const c = await createAuthChallenge(t.db, { now: at(4), audience: "https://phishing.example" });
    const cms2 = signWith(pair.authentication.pkcs12!, c.challenge, at(4));
    await expect(authenticateWithEds(t.db, { challengeId: c.challengeId, cms: cms2 }, { now: at(4), meta, audience })).rejects.toThrow("eds.sign_in_status.content_mismatch");
  });

  it("a valid certificate of an IIN/BIN without an applicant account gets the generic refusal", async () => {
    const stranger = await issue(legalEntityRequest({ iin: uniqueIin(), bin: uniqueBin(), role: "first_head" }));
    await expect((await signIn(stranger.authentication.pkcs12!)).run()).rejects.toThrow("eds.errors.sign_in_refused");
    const person = await issue(individualRequest({ iin: uniqueIin() }));
    await expect((await signIn(person.authentication.pkcs12!)).run()).rejects.toThrow("eds.errors.sign_in_refused");
    // A deactivated account: the same refusal.
    await t.db.user.update({ where: { id: companyUser.id }, data: { active: false } });
    try {
      const pair = await issue(legalEntityRequest({ iin: uniqueIin(), bin, role: "first_head" }));
      await expect((await signIn(pair.authentication.pkcs12!)).run()).rejects.toThrow("eds.errors.sign_in_refused");
    } finally {
      await t.db.user.update({ where: { id: companyUser.id }, data: { active: true } });
    }
  });
});
