import type { Db } from "@/lib/platform/db";
import { systemActor } from "@/lib/platform/auth";
import { openPkcs12, signDetached } from "@/lib/trust/pki";
import type { KeyPairGenerator } from "@/lib/trust/pki/server";
import { keyPool as pkiKeyPool } from "../pki/helpers";
import { getSandboxCa, issueCertificatePair } from "@/lib/trust/certificates";

const PASSWORD = "Api-Test-2026";
export const CRL_URL = "http://portal.test/api/pki/crl";

/** A few RSA keys made once per file: the CA's two, then the certificates' in turn. */
export const keyPool = (size = 4, reserved = 2): KeyPairGenerator => pkiKeyPool(size, reserved);

/**
 * The sandbox CA of this database and an EDS of the first head of a legal entity (BIN + IIN), as
 * the applicant's key store; `sign(bytes)` makes what a signing tool sends: detached CMS, DER.
 */
export async function legalEntityEds(db: Db, o: { bin: string; iin: string; now: Date; keys: KeyPairGenerator }) {
  await getSandboxCa(db, { now: o.now, crlUrl: CRL_URL, keyGenerator: o.keys });
  const pair = await issueCertificatePair(db, {
    request: {
      kind: "legal_entity",
      role: "first_head",
      iin: o.iin,
      bin: o.bin,
      organisation: "ТОО «API Тест»",
      surname: "ИНТЕГРАТОРОВ",
      givenName: "АПИ",
      password: PASSWORD,
      notBefore: new Date(o.now.getTime() - 30 * 86_400_000),
      notAfter: new Date(o.now.getTime() + 300 * 86_400_000),
    },
    userId: null,
    actor: systemActor("test"),
    now: o.now,
    keepPkcs12: true,
    crlUrl: CRL_URL,
    keyGenerator: o.keys,
  });
  const opened = openPkcs12(pair.signing.pkcs12!, PASSWORD);
  return {
    serial: pair.signing.serial,
    sign: (content: Uint8Array, signingTime: Date) =>
      signDetached({ key: opened.key, certificate: opened.certificate, chain: opened.chain, content, signingTime }),
  };
}
