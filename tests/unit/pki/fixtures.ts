import { generateKeyPairSync } from "node:crypto";
import { fixedClock, identifierChecksum } from "@/lib/platform/core";
import {
  type KeyPairGenerator,
  type KeyPairPem,
  MemoryCaStore,
  SandboxCa,
  type TIssuePairRequest,
  TrustStore,
} from "@/lib/trust/pki/server";

/** Shared test fixtures: explicit time, valid identifiers, and a reusable RSA key pool. */

export const NOW = new Date("2026-03-01T10:00:00Z");
export const DAY = 24 * 3600_000;
export const at = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * DAY);

/** 11 digits + check digit; retries the serial part until a check digit exists. */
function withCheckDigit(prefix: string, serial: number): string {
  for (let s = serial; ; s++) {
    const body = `${prefix}${String(s).padStart(11 - prefix.length, "0")}`;
    const c = identifierChecksum(body);
    if (c !== null) return `${body}${c}`;
  }
}

/** IIN of a man born 1985-04-12 (century/sex digit 3). */
export const iin = (n: number) => withCheckDigit("8504123", n);
/** BIN registered 2015-05, resident legal entity (4), head unit (0). */
export const bin = (n: number) => withCheckDigit("150540", n);

/**
 * RSA-2048 keys generated once per test file. The first `reserved` requests (the CA's root
 * and issuing keys) get keys of their own; later requests rotate over the rest.
 */
export function keyPool(size: number, reserved = 2): KeyPairGenerator {
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

export const PASSWORD = "Qwerty12";

export function individual(n: number, overrides: Partial<TIssuePairRequest> = {}): TIssuePairRequest {
  return {
    kind: "individual",
    iin: iin(n),
    surname: "ТЕСТОВ",
    givenName: "ТЕСТ",
    patronymic: "ТЕСТОВИЧ",
    password: PASSWORD,
    notBefore: at(-30),
    notAfter: at(335),
    ...overrides,
  };
}

export function legalEntity(
  n: number,
  role: "first_head" | "signer" | "employee",
  overrides: Partial<TIssuePairRequest> = {},
): TIssuePairRequest {
  return {
    kind: "legal_entity",
    role,
    iin: iin(n),
    bin: bin(1),
    organisation: "ГУ «Аппарат акима города Астаны»",
    surname: "ОФИЦЕРОВА",
    givenName: "АЙГҮЛ",
    password: PASSWORD,
    notBefore: at(-30),
    notAfter: at(335),
    ...overrides,
  };
}

export async function sandbox(keys: KeyPairGenerator, names?: { root: string; issuing: string }) {
  const ca = new SandboxCa({
    store: new MemoryCaStore(),
    clock: fixedClock(NOW),
    keyGenerator: keys,
    names,
  });
  const trustStore = TrustStore.from(await ca.trustAnchors());
  return { ca, trustStore };
}
