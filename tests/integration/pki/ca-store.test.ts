import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/platform/db";
import { DbCaStore, DbSandboxCa, getSandboxCa } from "@/lib/trust/certificates";
import { fixedClock } from "@/lib/platform/core";
import { SandboxCa } from "@/lib/trust/pki/server";
import { uniqueBin, uniqueIin } from "../../factories";
import { createTestDb, type TestDb } from "../../support/test-db";
import { NOW, keyPool, legalEntityRequest } from "./helpers";

let t: TestDb;
const keys = keyPool(6);
const crlUrl = "http://portal.test/api/pki/crl";

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

describe("DbCaStore / getSandboxCa", () => {
  it("creates the CA once, persists it, and a restarted process reloads the same root", async () => {
    expect(await t.db.caState.count()).toBe(0);
    const ca = await getSandboxCa(t.db, { now: NOW, crlUrl, keyGenerator: keys });
    const anchors = await ca.trustAnchors();
    expect(await t.db.caState.count()).toBe(1);

    // "Restart": a new client and a new CA object over the same database.
    const db2 = createDb(t.url);
    try {
      const again = await getSandboxCa(db2, { now: new Date(NOW.getTime() + 86_400_000), crlUrl, keyGenerator: keys });
      expect(await again.trustAnchors()).toEqual(anchors);
      const pair = await again.issuePair(legalEntityRequest({ iin: uniqueIin(), bin: uniqueBin(), role: "first_head" }));
      expect(pair.signing.certificatePem).toContain("BEGIN CERTIFICATE");
    } finally {
      await db2.$disconnect();
    }
    const stored = await new DbCaStore(t.db).load();
    expect(stored?.root.certificatePem).toBe(anchors.anchors[0]);
    expect(stored?.issued).toHaveLength(2);
  });

  it("gives distinct serials to concurrent issuance from two processes", async () => {
    const clients = [createDb(t.url), createDb(t.url)];
    try {
      const cas = clients.map((db) => new DbSandboxCa(db, { now: NOW, crlUrl, keyGenerator: keys }));
      const pairs = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((i) => cas[i % 2]!.issuePair(legalEntityRequest({ iin: uniqueIin(), bin: uniqueBin(), role: "signer" }))),
      );
      const serials = pairs.flatMap((p) => [p.authentication.serial, p.signing.serial]);
      expect(new Set(serials).size).toBe(12);
      const state = await new DbCaStore(t.db).load();
      for (const s of serials) expect(state!.issued.map((i) => i.serial)).toContain(s);
      expect(state!.nextSerial).toBe(3 + 2 + 12);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("refuses a save from a store whose state is stale instead of reusing a serial", async () => {
    const a = new SandboxCa({ store: new DbCaStore(t.db), clock: fixedClock(NOW), keyGenerator: keys, crlUrl });
    const b = new SandboxCa({ store: new DbCaStore(t.db), clock: fixedClock(NOW), keyGenerator: keys, crlUrl });
    await Promise.all([a.trustAnchors(), b.trustAnchors()]);
    const first = await a.issuePair(legalEntityRequest({ iin: uniqueIin(), bin: uniqueBin(), role: "signer" }));
    await expect(b.issuePair(legalEntityRequest({ iin: uniqueIin(), bin: uniqueBin(), role: "signer" }))).rejects.toThrow("eds.errors.ca_busy");
    const state = await new DbCaStore(t.db).load();
    expect(state!.issued.filter((i) => i.serial === first.signing.serial)).toHaveLength(1);
  });
});
