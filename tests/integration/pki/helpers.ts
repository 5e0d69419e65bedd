import { generateKeyPairSync } from "node:crypto";
import type { KeyPairGenerator, KeyPairPem, TIssuePairRequest } from "@/lib/trust/pki/server";
import { openPkcs12, signDetached } from "@/lib/trust/pki";

/** Shared fixtures of the PKI integration tests: explicit time, fast keys, signing with a key store. */

export const NOW = new Date("2026-11-30T05:00:00Z");
export const DAY = 24 * 3600_000;
export const at = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * DAY);
export const PASSWORD = "Test-Eds-2026";

/**
 * RSA-2048 keys generated once per file: the first `reserved` requests (root and issuing CA)
 * get keys of their own, later requests rotate over the rest.
 */
export function keyPool(size = 6, reserved = 2): KeyPairGenerator {
  const keys: KeyPairPem[] = Array.from({ length: size }, () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    return { privateKeyPem: privateKey, publicKeyPem: publicKey };
  });
  let i = 0;
  return async () => {
    const n = i++;
    return n < reserved ? keys[n]! : keys[reserved + ((n - reserved) % (size - reserved))]!;
  };
}

export function legalEntityRequest(o: { iin: string; bin: string; role: "first_head" | "signer" | "employee"; notBefore?: Date; notAfter?: Date }): TIssuePairRequest {
  return {
    kind: "legal_entity",
    role: o.role,
    iin: o.iin,
    bin: o.bin,
    organisation: "ТОО «Тест»",
    surname: "ТЕСТОВ",
    givenName: "ТЕСТ",
    password: PASSWORD,
    notBefore: o.notBefore ?? at(-30),
    notAfter: o.notAfter ?? at(335),
  };
}

export function individualRequest(o: { iin: string; notBefore?: Date; notAfter?: Date }): TIssuePairRequest {
  return {
    kind: "individual",
    iin: o.iin,
    surname: "ЖЕКЕ",
    givenName: "ТҰЛҒА",
    password: PASSWORD,
    notBefore: o.notBefore ?? at(-30),
    notAfter: o.notAfter ?? at(335),
  };
}

/** What the browser does: open the key store and sign `content` (detached CMS). */
export function signWith(pkcs12: Uint8Array, content: Uint8Array, signingTime: Date, password = PASSWORD): Uint8Array {
  const opened = openPkcs12(pkcs12, password);
  return signDetached({ key: opened.key, certificate: opened.certificate, chain: opened.chain, content, signingTime });
}
