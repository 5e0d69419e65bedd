import { beforeAll, describe, expect, it } from "vitest";
import {
  CrlCache,
  type IssuedPair,
  RevocationSet,
  type SandboxCa,
  type TrustStore,
  issuerKeyOf,
  parseCrl,
} from "@/lib/trust/pki/server";
import { DAY, NOW, at, individual, keyPool, sandbox } from "./fixtures";

let ca: SandboxCa;
let trustStore: TrustStore;
let a: IssuedPair;
let b: IssuedPair;
let foreignCrl: Uint8Array;
let issuerKey: string;

const toPem = (der: Uint8Array) =>
  `-----BEGIN X509 CRL-----\n${btoa(String.fromCharCode(...der)).replace(/(.{64})/g, "$1\n")}\n-----END X509 CRL-----\n`;

beforeAll(async () => {
  ({ ca, trustStore } = await sandbox(keyPool(3)));
  a = await ca.issuePair(individual(1));
  b = await ca.issuePair(individual(2));
  await ca.revoke(a.signing.serial, "key_compromise", at(-3));
  await ca.revoke(b.signing.serial, "unspecified", at(-2));
  // Scheduled revocation: must not appear in a CRL published before its date.
  await ca.revoke(b.authentication.serial, "superseded", at(5));
  const other = await sandbox(keyPool(3));
  await other.ca.issuePair(individual(1));
  foreignCrl = await other.ca.getCrl(NOW);
  issuerKey = issuerKeyOf(trustStore.intermediates[0]!);
}, 60_000);

describe("CRL generation and parsing", () => {
  it("is signed by the issuing CA, lists effective revocations with reasons, and numbers increase", async () => {
    const first = parseCrl(await ca.getCrl(NOW), trustStore, NOW);
    const second = parseCrl(await ca.getCrl(NOW), trustStore, NOW);
    expect(first.issuerKey).toBe(issuerKey);
    expect(first.thisUpdate).toEqual(NOW);
    expect(first.nextUpdate).toEqual(new Date(NOW.getTime() + DAY));
    expect(second.crlNumber! > first.crlNumber!).toBe(true);
    expect(first.entries.get(a.signing.serial)).toEqual({ revokedAt: at(-3), reason: "key_compromise" });
    expect(first.entries.get(b.signing.serial)).toEqual({ revokedAt: at(-2), reason: "unspecified" });
    expect(first.entries.has(b.authentication.serial)).toBe(false);
    const later = parseCrl(await ca.getCrl(at(6)), trustStore, at(6));
    expect(later.entries.get(b.authentication.serial)?.reason).toBe("superseded");
  });

  it("accepts PEM", async () => {
    expect(parseCrl(toPem(await ca.getCrl(NOW)), trustStore, NOW).entries.size).toBe(2);
  });

  it("refuses a tampered CRL, a CRL of another CA, garbage and oversized input", async () => {
    const crl = (await ca.getCrl(NOW)).slice();
    crl[crl.length - 1]! ^= 0xff;
    expect(() => parseCrl(crl, trustStore, NOW)).toThrow(
      expect.objectContaining({
        code: "pki.crl_invalid",
        details: expect.objectContaining({ reason: "bad_signature" }),
      }),
    );
    expect(() => parseCrl(foreignCrl, trustStore, NOW)).toThrow(expect.objectContaining({ code: "pki.crl_invalid" }));
    expect(() => parseCrl(new Uint8Array([0x30, 0x00]), trustStore, NOW)).toThrow(
      expect.objectContaining({ code: "pki.crl_invalid" }),
    );
    expect(() => parseCrl("not a crl", trustStore, NOW)).toThrow(
      expect.objectContaining({ code: "pki.unsupported_format" }),
    );
    expect(() => parseCrl(new Uint8Array(1024 * 1024 + 1), trustStore, NOW)).toThrow(
      expect.objectContaining({ code: "pki.input_too_large" }),
    );
  });

  it("refuses a CRL issued in the future", async () => {
    const future = await ca.getCrl(at(3));
    expect(() => parseCrl(future, trustStore, NOW)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: "not_yet_valid" }) }),
    );
  });
});

describe("RevocationSet", () => {
  it("answers revoked / good / unknown (no CRL for the issuer, CRL past nextUpdate)", async () => {
    const set = RevocationSet.fromCrls([parseCrl(await ca.getCrl(NOW), trustStore, NOW)]);
    expect(set.check(issuerKey, a.signing.serial, NOW)).toEqual({
      status: "revoked",
      revokedAt: at(-3),
      reason: "key_compromise",
    });
    expect(set.check(issuerKey, a.authentication.serial.toUpperCase(), NOW)).toEqual({ status: "good" });
    expect(set.check("other", a.signing.serial, NOW)).toEqual({ status: "unknown", reason: "no_crl" });
    expect(set.check(issuerKey, a.signing.serial, at(2))).toEqual({ status: "unknown", reason: "crl_expired" });
  });

  it("keeps the newest CRL per issuer", async () => {
    const older = parseCrl(await ca.getCrl(NOW), trustStore, NOW);
    const newer = parseCrl(await ca.getCrl(at(6)), trustStore, at(6));
    expect(RevocationSet.fromCrls([newer, older]).crls[0]!.crlNumber).toBe(newer.crlNumber);
  });
});

describe("CrlCache", () => {
  const url = "http://localhost:3000/pki/crl";

  function setup() {
    let clock = NOW;
    let fail = false;
    const calls: string[] = [];
    const cache = new CrlCache({
      trustStore,
      urls: [url],
      fetch: async (u) => {
        calls.push(u);
        if (fail) throw new Error("network down");
        return ca.getCrl(clock);
      },
    });
    return { cache, calls, setClock: (d: Date) => (clock = d), setFail: (f: boolean) => (fail = f) };
  }

  it("fetches on first use, not again before nextUpdate, and again once it passed", async () => {
    const { cache, calls, setClock } = setup();
    const first = await cache.revocations(NOW);
    expect(first.check(issuerKey, a.signing.serial, NOW).status).toBe("revoked");
    await cache.revocations(at(0.5));
    expect(calls).toHaveLength(1);
    setClock(at(6));
    const refreshed = await cache.revocations(at(6));
    expect(calls).toHaveLength(2);
    expect(refreshed.check(issuerKey, b.authentication.serial, at(6)).status).toBe("revoked");
  });

  it("concurrent callers share one fetch", async () => {
    const { cache, calls } = setup();
    await Promise.all([cache.revocations(NOW), cache.revocations(NOW), cache.revocations(NOW)]);
    expect(calls).toHaveLength(1);
  });

  it("a failed refresh keeps the old CRL, records the error, and stale data reads as unknown", async () => {
    const { cache, setFail, setClock } = setup();
    await cache.revocations(NOW);
    setFail(true);
    const set = await cache.revocations(at(2));
    expect(set.check(issuerKey, a.signing.serial, at(2))).toEqual({ status: "unknown", reason: "crl_expired" });
    expect(cache.sources()[0]!.lastError?.at).toEqual(at(2));
    setFail(false);
    setClock(at(2));
    expect((await cache.revocations(at(2))).check(issuerKey, a.signing.serial, at(2)).status).toBe("revoked");
  });

  it("never goes back to an older CRL", async () => {
    const { cache } = setup();
    const newer = await ca.getCrl(at(6));
    const older = await ca.getCrl(NOW);
    cache.load(url, newer, at(6));
    cache.load(url, older, at(6));
    expect(cache.current().crls[0]!.thisUpdate).toEqual(at(6));
  });
});
