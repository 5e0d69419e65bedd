import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/platform/core";
import {
  FileCaStore,
  type KeyPairGenerator,
  MemoryCaStore,
  SandboxCa,
  TrustStore,
  readCertificate,
} from "@/lib/trust/pki/server";
import { NOW, at, individual, keyPool, legalEntity } from "./fixtures";

let keys: KeyPairGenerator;
let dir: string;

beforeAll(async () => {
  keys = keyPool(3);
  dir = await mkdtemp(join(tmpdir(), "pki-ca-"));
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("SandboxCa persistence", () => {
  it("creates the CA on first use, persists it, and a reopened CA continues the serials", async () => {
    const path = join(dir, "ca.json");
    const store = new FileCaStore(path);
    expect(await store.load()).toBeNull();
    const first = new SandboxCa({ store, clock: fixedClock(NOW), keyGenerator: keys });
    const p1 = await first.issuePair(individual(1));
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    const reopened = new SandboxCa({ store: new FileCaStore(path), clock: fixedClock(at(100)), keyGenerator: keys });
    expect(await reopened.trustAnchors()).toEqual(await first.trustAnchors());
    const p2 = await reopened.issuePair(individual(2));
    const serials = [p1.authentication.serial, p1.signing.serial, p2.authentication.serial, p2.signing.serial];
    expect(new Set(serials).size).toBe(4);
    // The reopened CA can revoke what the first one issued.
    await reopened.revoke(p1.signing.serial, "superseded", NOW);
  });

  it("refuses a corrupt state file", async () => {
    const path = join(dir, "bad.json");
    await writeFile(path, "{ not json");
    await expect(new FileCaStore(path).load()).rejects.toMatchObject({ code: "pki.ca_state_invalid" });
    await writeFile(path, JSON.stringify({ version: 1 }));
    await expect(new FileCaStore(path).load()).rejects.toMatchObject({ code: "pki.ca_state_invalid" });
  });

  it("state is JSON: PEM certificates and keys, counters, revocations", async () => {
    const store = new MemoryCaStore();
    const ca = new SandboxCa({ store, clock: fixedClock(NOW), keyGenerator: keys });
    const p = await ca.issuePair(individual(3));
    await ca.revoke(p.signing.serial, "key_compromise", NOW);
    const state = (await store.load())!;
    expect(state.root.certificatePem).toContain("BEGIN CERTIFICATE");
    expect(state.issuing.privateKeyPem).toContain("BEGIN PRIVATE KEY");
    expect(state.nextSerial).toBe(5);
    expect(state.revoked).toEqual([
      { serial: p.signing.serial, revokedAt: NOW.toISOString(), reason: "key_compromise" },
    ]);
  });

  it("concurrent issuance never reuses a serial", async () => {
    const ca = new SandboxCa({ store: new MemoryCaStore(), clock: fixedClock(NOW), keyGenerator: keys });
    const pairs = await Promise.all([1, 2, 3].map((n) => ca.issuePair(individual(n))));
    const serials = pairs.flatMap((p) => [p.signing.serial, p.authentication.serial]);
    expect(new Set(serials).size).toBe(6);
  });
});

describe("SandboxCa issuance rules", () => {
  let ca: SandboxCa;
  beforeAll(() => {
    ca = new SandboxCa({
      store: new MemoryCaStore(),
      clock: fixedClock(NOW),
      keyGenerator: keys,
      crlUrl: "http://portal.test/pki/crl",
    });
  });

  it("returns two PKCS#12 files and metadata; certificates chain to the trust anchors", async () => {
    const p = await ca.issuePair(legalEntity(5, "signer", { patronymic: "СЕРІКҚЫЗЫ" }));
    expect(p.subject).toContain("G=СЕРІКҚЫЗЫ");
    expect(p.signing.pkcs12[0]).toBe(0x30);
    expect(readCertificate(p.authentication.certificatePem).purpose).toBe("authentication");
    const store = TrustStore.from(await ca.trustAnchors());
    const leaf = store.certificate(
      Uint8Array.from(atob(p.signing.certificatePem.replace(/-----[^-]+-----|\s/g, "")), (c) => c.charCodeAt(0)),
    );
    const path = store.buildPath(leaf, [], NOW);
    expect(path.ok && path.path.length).toBe(3);
  });

  it("validates requests", async () => {
    const invalid = { code: "pki.invalid_issue_request" };
    await expect(ca.issuePair({ ...legalEntity(6, "signer"), bin: undefined })).rejects.toMatchObject(invalid);
    await expect(ca.issuePair({ ...individual(6), bin: legalEntity(6, "signer").bin })).rejects.toMatchObject(invalid);
    await expect(ca.issuePair({ ...individual(6), iin: "123456789012" })).rejects.toMatchObject(invalid);
    await expect(ca.issuePair({ ...individual(6), notAfter: at(-40) })).rejects.toMatchObject(invalid);
    await expect(ca.issuePair({ ...individual(6), notAfter: at(365 * 30) })).rejects.toMatchObject({
      code: "pki.validity_outside_ca",
    });
  });

  it("revocation: unknown serial and double revocation are refused", async () => {
    const p = await ca.issuePair(individual(7));
    await expect(ca.revoke("4b5a00000000ffff", "unspecified", NOW)).rejects.toMatchObject({
      code: "pki.unknown_serial",
    });
    await ca.revoke(p.signing.serial.toUpperCase(), "unspecified", NOW);
    await expect(ca.revoke(p.signing.serial, "unspecified", NOW)).rejects.toMatchObject({
      code: "pki.already_revoked",
    });
  });

  it("the file store's JSON is readable back through the schema", async () => {
    const path = join(dir, "round.json");
    const store = new FileCaStore(path);
    await new SandboxCa({ store, clock: fixedClock(NOW), keyGenerator: keys }).trustAnchors();
    expect(JSON.parse(await readFile(path, "utf8")).version).toBe(1);
  });
});
