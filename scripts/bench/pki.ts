/**
 * Verifications per second of a request signature (RSA-2048, SHA-256) including chain
 * building and the revocation check, on one core. `npm run bench:pki`
 *
 * Scenarios:
 *  - warm: one trust store and one CRL parsed once; the signer certificate has been seen
 *    before (parsed-certificate cache hit). Per verification: CMS decode, signature over
 *    the signed attributes, content digest, leaf-certificate signature (always checked),
 *    cached issuing-CA link, CRL lookup, policy checks.
 *  - first sight: every signer certificate is new to the trust store (parsed and
 *    classified during the verification).
 */
import { generateKeyPairSync } from "node:crypto";
import { performance } from "node:perf_hooks";
import { fixedClock } from "@/lib/platform/core";
import {
  type KeyPairPem,
  type OpenedPkcs12,
  MemoryCaStore,
  RevocationSet,
  SandboxCa,
  TrustStore,
  canonicalRequestBytes,
  openPkcs12,
  parseCrl,
  signDetached,
  verifyRequestSignature,
} from "@/lib/trust/pki/server";

const NOW = new Date("2026-03-01T10:00:00Z");
const DAY = 24 * 3600_000;
const BIN = "150540000017";
const IINS = Array.from({ length: 40 }, (_, i) => iinWithCheck(`85041230${String(i).padStart(3, "0")}`)).filter(
  (x): x is string => x !== null,
);

function iinWithCheck(first11: string): string | null {
  const d = [...first11].map(Number);
  const sum = (w: number[]) => d.reduce((s, x, i) => s + x * w[i]!, 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return c === 10 ? null : `${first11}${c}`;
}

function keyPool(size: number) {
  const keys: KeyPairPem[] = Array.from({ length: size }, () => {
    const k = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    return { privateKeyPem: k.privateKey, publicKeyPem: k.publicKey };
  });
  let i = 0;
  return async () => keys[i++ % keys.length]!;
}

async function measure(label: string, seconds: number, op: (i: number) => Promise<void>) {
  for (let i = 0; i < 200; i++) await op(i); // warm-up (JIT, caches)
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    await op(n);
    n++;
  }
  const elapsed = (performance.now() - start) / 1000;
  const perSecond = n / elapsed;
  console.log(
    `${label.padEnd(44)} ${perSecond.toFixed(0).padStart(7)} verifications/s  (${((1e6 * elapsed) / n).toFixed(0)} µs each, n=${n})`,
  );
  return perSecond;
}

async function main() {
  const ca = new SandboxCa({ store: new MemoryCaStore(), clock: fixedClock(NOW), keyGenerator: keyPool(6) });
  const common = {
    password: "Qwerty12",
    notBefore: new Date(NOW.getTime() - 30 * DAY),
    notAfter: new Date(NOW.getTime() + 300 * DAY),
  };
  const signers: OpenedPkcs12[] = [];
  for (const iin of IINS.slice(0, 32)) {
    const pair = await ca.issuePair({
      kind: "legal_entity",
      role: "signer",
      iin,
      bin: BIN,
      organisation: "ТОО «Бенч»",
      surname: "БЕНЧ",
      givenName: "ТЕСТ",
      ...common,
    });
    signers.push(openPkcs12(pair.signing.pkcs12, common.password));
    // A realistic CRL: revoke the authentication keys.
    await ca.revoke(pair.authentication.serial, "superseded", new Date(NOW.getTime() - DAY));
  }
  const trustStore = TrustStore.from(await ca.trustAnchors());
  const revocations = RevocationSet.fromCrls([parseCrl(await ca.getCrl(NOW), trustStore, NOW)]);

  const requests = Array.from({ length: 32 }, (_, i) => {
    const content = canonicalRequestBytes({
      applicationId: `APP-${i}`,
      serviceCode: "LIC-ALCOHOL-RETAIL",
      variant: "initial",
      applicant: { bin: BIN },
      formData: { shop: `Дүкен ${i}`, area: 40 + i, address: { city: "Астана", street: "Абай даңғылы" } },
      attachments: [{ slot: "lease", sha256: "ab".repeat(32) }],
    });
    const signer = signers[i % signers.length]!;
    return { content, cms: signDetached({ ...signer, content, signingTime: NOW }) };
  });

  const check = async (store: TrustStore, r: (typeof requests)[number]) => {
    const v = await verifyRequestSignature({
      cms: r.cms,
      content: r.content,
      expected: { bin: BIN },
      trustStore: store,
      revocations,
      now: NOW,
    });
    if (v.status !== "valid") throw new Error(`unexpected ${v.status} ${v.reason ?? ""}`);
  };

  console.log(
    `node ${process.version}, RSA-2048/SHA-256, ${revocations.crls[0]!.entries.size} CRL entries, single thread`,
  );
  const warm = await measure("warm (signer certificate seen before)", 3, (i) =>
    check(trustStore, requests[i % requests.length]!),
  );
  let fresh = TrustStore.from(await ca.trustAnchors());
  const firstSight = await measure("first sight (new signer certificate each time)", 3, (i) => {
    // 32 distinct signers per trust store: every certificate is parsed during its verification
    // (the trust store rebuild is included in the cost, amortised over 32).
    if (i % requests.length === 0)
      fresh = TrustStore.from({
        anchors: [trustStore.anchors[0]!.der],
        intermediates: [trustStore.intermediates[0]!.der],
      });
    return check(fresh, requests[i % requests.length]!);
  });
  console.log(
    `target ≥ 1000/s per core: warm ${warm >= 1000 ? "met" : "NOT met"}, first sight ${firstSight >= 1000 ? "met" : "NOT met"}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
