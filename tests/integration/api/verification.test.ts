import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setApiRuntimeForTests } from "@/app/api/v1/_lib/runtime";
import { systemActor } from "@/lib/platform/auth";
import { attachContent } from "@/lib/trust/pki/server";
import { getSandboxCa, issueCertificatePair } from "@/lib/trust/certificates";
import { createTestDb, type TestDb } from "../../support/test-db";
import { testLimits, type TestLimits } from "../../support/limits";
import { NOW, keyPool, legalEntityRequest, signWith } from "../pki/helpers";
import { ApiClient, fetchDocument, loadRoutes } from "./harness";

/** POST /api/v1/verification through the OpenAPI document: answers match the schema; limits hold. */

let t: TestDb;
let limits: TestLimits;
let api: ApiClient;
let restore: (() => void) | undefined;
let pkcs12: Uint8Array;
const content = new TextEncoder().encode('{"type":"licensing_decision","applicationId":"x"}');

const form = (parts: Record<string, Uint8Array>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(parts)) f.append(k, new Blob([new Uint8Array(v)]), `${k}.bin`);
  return f;
};

beforeAll(async () => {
  t = await createTestDb();
  limits = testLimits(t.url);
  const apiLimit = limits.limiter("api", 5);
  const keys = keyPool(4);
  await getSandboxCa(t.db, { now: NOW, crlUrl: "http://portal.test/api/pki/crl", keyGenerator: keys });
  const pair = await issueCertificatePair(t.db, {
    request: legalEntityRequest({ iin: "720810300013", bin: "990540002404", role: "first_head" }),
    userId: null,
    actor: systemActor("test"),
    now: NOW,
    keepPkcs12: true,
    crlUrl: "http://portal.test/api/pki/crl",
    keyGenerator: keys,
  });
  pkcs12 = pair.signing.pkcs12!;
  restore = setApiRuntimeForTests({ db: () => t.db, now: () => new Date(NOW.getTime() + 3_600_000), rateLimiter: () => apiLimit });
  const routes = await loadRoutes();
  api = new ApiClient(await fetchDocument(routes), routes, null);
}, 120_000);
afterAll(async () => {
  restore?.();
  await limits?.close();
  await t?.drop();
});

describe("POST /api/v1/verification", () => {
  it("checks a signed package and a document with its detached .p7s; a .p7s alone needs its document", async () => {
    const cms = signWith(pkcs12, content, NOW);
    const pkg = await api.call("verifyFile", { form: form({ file: attachContent(cms, content) }) });
    expect(pkg.status).toBe(200);
    expect(pkg.body).toMatchObject({ format: "package", valid: true, register: { matches: false, kind: null } });
    expect(pkg.body.signatures).toMatchObject([{ status: "valid", signer: { bin: "990540002404", iin: "720810300013" }, revocation: "not_revoked", registered: false }]);
    const detached = await api.call("verifyFile", { form: form({ file: new TextEncoder().encode("changed"), signature: cms }) });
    expect(detached.body).toMatchObject({ format: "detached", valid: false, signatures: [{ status: "content_mismatch" }] });
    const alone = await api.call("verifyFile", { form: form({ file: cms }) });
    expect(alone).toMatchObject({ status: 400, body: { error: { code: "licences.upload_needs_document" } } });
  });

  it("refuses a body over the size limit with 413, and a request over the per-minute limit with 429 (the document and four checks came first)", async () => {
    const big = await api.call("verifyFile", { form: form({ file: new Uint8Array(1_800_000) }) });
    expect(big.status).toBe(413);
    const limited = await api.call("verifyFile", { form: form({ file: content }) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
  });
});
