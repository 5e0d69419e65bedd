import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DbSandboxCa } from "@/lib/trust/certificates";
import { PKI_FAILURE, PKI_STATUS, SANDBOX_TSA_POLICY, parseTimeStampResponse } from "@/lib/trust/pki/server";
import { createTestDb, type TestDb } from "../../support/test-db";
import { startTsaServer } from "./tsa-server";

// The sandbox TSA over HTTP, checked with OpenSSL's own RFC 3161 client (`openssl ts`).

let t: TestDb;
let dir: string;
let tsa: Awaited<ReturnType<typeof startTsaServer>>;
let caFile: string;
const saved = process.env.DATABASE_URL;

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.error) throw r.error;
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const file = (name: string, bytes: Uint8Array | string) => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
const post = (body: Uint8Array | string, contentType = "application/timestamp-query") =>
  fetch(tsa.url, { method: "POST", headers: { "Content-Type": contentType }, body: typeof body === "string" ? body : Buffer.from(body) });

beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  dir = mkdtempSync(path.join(tmpdir(), "tsa-"));
  const anchors = await new DbSandboxCa(t.db, { now: new Date() }).trustAnchors();
  caFile = file("ca.pem", anchors.anchors.join("\n"));
  tsa = await startTsaServer();
}, 120_000);
afterAll(async () => {
  await tsa.close();
  const g = globalThis as { __db?: { $disconnect(): Promise<void> } };
  await g.__db?.$disconnect();
  delete g.__db;
  process.env.DATABASE_URL = saved;
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("POST /api/pki/tsa (sandbox TSA)", () => {
  it("answers an `openssl ts -query` request with a response that `openssl ts -verify` accepts", async () => {
    const data = file("data.bin", "licence signature value stand-in");
    const req = path.join(dir, "req.tsq");
    expect(run("openssl", ["ts", "-query", "-data", data, "-sha256", "-cert", "-out", req]).status).toBe(0);
    const answer = await post(readFileSync(req));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/timestamp-reply");
    const resp = file("resp.tsr", new Uint8Array(await answer.arrayBuffer()));
    const verified = run("openssl", ["ts", "-verify", "-data", data, "-in", resp, "-CAfile", caFile]);
    expect(verified.out).toContain("Verification: OK");
    expect(verified.status).toBe(0);
    const text = run("openssl", ["ts", "-reply", "-in", resp, "-text"]).out;
    expect(text).toContain("Status: Granted.");
    expect(text).toContain(`Policy OID: ${SANDBOX_TSA_POLICY}`);
    expect(text).toMatch(/Nonce: 0x[0-9A-F]+/);
    // The same response over other data fails.
    expect(run("openssl", ["ts", "-verify", "-data", file("other.bin", "something else"), "-in", resp, "-CAfile", caFile]).status).not.toBe(0);
  });

  it("the TSA certificate is issued by the sandbox CA with critical extendedKeyUsage timeStamping", async () => {
    const ca = new DbSandboxCa(t.db, { now: new Date() });
    await ca.timeStampAuthority();
    const state = await t.db.caState.findFirstOrThrow();
    const pem = (state.state as { tsa: { certificatePem: string } }).tsa.certificatePem;
    const text = run("openssl", ["x509", "-noout", "-text", "-in", file("tsa.pem", pem)]).out;
    expect(text).toMatch(/X509v3 Extended Key Usage: critical\s+Time Stamping/);
    expect(run("openssl", ["verify", "-purpose", "timestampsign", "-CAfile", caFile, "-untrusted", file("issuing.pem", (await ca.trustAnchors()).intermediates[0]!), file("tsa2.pem", pem)]).status).toBe(0);
  });

  it("refuses what is not a time-stamp query: wrong media type, more than 4 KiB; rejects a malformed request in RFC 3161 terms", async () => {
    expect((await post("x", "application/octet-stream")).status).toBe(415);
    expect((await post(new Uint8Array(4097))).status).toBe(413);
    const garbage = await post("not a request");
    expect(garbage.status).toBe(200);
    const parsed = parseTimeStampResponse(new Uint8Array(await garbage.arrayBuffer()));
    expect(parsed).toMatchObject({ status: PKI_STATUS.rejection, failInfo: [PKI_FAILURE.badDataFormat], token: null });
  });
});
