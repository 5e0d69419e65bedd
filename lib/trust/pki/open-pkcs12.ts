import forge from "node-forge";
import { DomainError } from "@/lib/platform/core";
import { Asn1Type, decodeDer, encodeDer, isContext, isUniversal, octets, oid, sequence } from "./asn1-read";
import { assertInputSize, toBinaryString } from "./bytes";
import { type CertificateInfo, readCertificate } from "./certificate";
import { OID } from "./oids";

/**
 * Open an NCA-style PKCS#12 key store (isomorphic, node-forge only). Bag extraction and
 * key/certificate matching follow vbuch/node-signpdf's P12Signer: the certificate whose
 * public key equals the private key's is the signer; the other certificates form the chain.
 */

export type OpenedPkcs12 = {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  certificateDer: Uint8Array;
  /** Issuer first, up to the root when the file contains it. */
  chain: forge.pki.Certificate[];
  chainDer: Uint8Array[];
  info: CertificateInfo;
};

const NOT_P12 = "pki.not_pkcs12";

const MAC_DIGESTS: Record<string, { create: () => forge.md.MessageDigest; bytes: number }> = {
  "1.3.14.3.2.26": { create: () => forge.md.sha1.create(), bytes: 20 },
  [OID.sha256]: { create: () => forge.md.sha256.create(), bytes: 32 },
  [OID.sha384]: { create: () => forge.md.sha384.create(), bytes: 48 },
  [OID.sha512]: { create: () => forge.md.sha512.create(), bytes: 64 },
};

type MacCheck = "absent" | "ok" | "mismatch";

/**
 * PFX shape check and password-integrity MAC (PKCS#12 B.2), computed here so that a
 * wrong password is told apart from a damaged file without interpreting forge's messages.
 */
function checkPfx(pfx: forge.asn1.Asn1, password: string): MacCheck {
  const [version, authSafe, macData] = sequence(pfx, NOT_P12, "pfx");
  if (!isUniversal(version, Asn1Type.INTEGER)) throw new DomainError(NOT_P12, { reason: "version" });
  const ci = sequence(authSafe, NOT_P12, "authSafe");
  const contentType = oid(ci[0], NOT_P12, "authSafe contentType");
  if (forge.asn1.derToInteger(octets(version, NOT_P12, "version")) !== 3) {
    throw new DomainError("pki.unsupported_format", { reason: "pfx_version" });
  }
  if (contentType !== OID.data)
    throw new DomainError("pki.unsupported_format", {
      reason: "public_key_integrity_mode",
    });
  if (!isContext(ci[1], 0) || !Array.isArray(ci[1].value))
    throw new DomainError(NOT_P12, { reason: "authSafe content" });
  const data = (ci[1].value as forge.asn1.Asn1[])[0];
  if (!isUniversal(data, Asn1Type.OCTETSTRING)) throw new DomainError(NOT_P12, { reason: "authSafe data" });
  if (!macData) return "absent";

  const [digestInfo, saltNode, iterNode] = sequence(macData, NOT_P12, "macData");
  const [algId, digestNode] = sequence(digestInfo, NOT_P12, "mac digestInfo");
  const md = MAC_DIGESTS[oid(sequence(algId, NOT_P12, "mac algorithm")[0], NOT_P12, "mac algorithm")];
  if (!md)
    throw new DomainError("pki.unsupported_format", {
      reason: "mac_algorithm",
    });
  const iterations = iterNode ? forge.asn1.derToInteger(octets(iterNode, NOT_P12, "mac iterations")) : 1;
  if (!(iterations >= 1 && iterations <= 10_000_000)) throw new DomainError(NOT_P12, { reason: "mac iterations" });
  const salt = forge.util.createBuffer(octets(saltNode, NOT_P12, "mac salt"));
  const macKey = forge.pkcs12.generateKey(password, salt, 3, iterations, md.bytes, md.create());
  const hmac = forge.hmac.create();
  hmac.start(md.create() as unknown as forge.md.Algorithm, macKey.getBytes());
  hmac.update(octets(data, NOT_P12, "authSafe data"));
  return hmac.digest().getBytes() === octets(digestNode, NOT_P12, "mac digest") ? "ok" : "mismatch";
}

function certDer(bag: forge.pkcs12.Bag): Uint8Array | null {
  if (bag.cert) return encodeDer(forge.pki.certificateToAsn1(bag.cert));
  const raw = (bag as { asn1?: forge.asn1.Asn1 }).asn1;
  return raw ? encodeDer(raw) : null;
}

function sameKey(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate): boolean {
  const pub = cert.publicKey as forge.pki.rsa.PublicKey;
  return pub?.n !== undefined && pub.n.equals(key.n) && pub.e.equals(key.e);
}

function localKeyId(bag: forge.pkcs12.Bag): string | null {
  const id = bag.attributes?.localKeyId as string[] | undefined;
  return id?.[0] ?? null;
}

/** Order certificates from the signer's issuer upwards by subject/issuer name. */
function orderChain(leaf: forge.pki.Certificate, others: forge.pki.Certificate[]): forge.pki.Certificate[] {
  const chain: forge.pki.Certificate[] = [];
  const rest = [...others];
  let current = leaf;
  while (rest.length > 0) {
    const idx = rest.findIndex((c) => c.subject.hash === current.issuer.hash && c !== current);
    if (idx < 0 || current.subject.hash === current.issuer.hash) break;
    current = rest.splice(idx, 1)[0]!;
    chain.push(current);
  }
  return chain.concat(rest);
}

export function openPkcs12(bytes: Uint8Array, password: string): OpenedPkcs12 {
  assertInputSize(bytes.length);
  if (bytes[0] !== 0x30) throw new DomainError(NOT_P12, { reason: "not_der" });
  // Strict lengths (a truncated file is not a PKCS#12); forge still accepts BER indefinite lengths.
  const asn1 = decodeDer(toBinaryString(bytes), NOT_P12, true);
  const mac = checkPfx(asn1, password);
  if (mac === "mismatch") throw new DomainError("pki.wrong_password");

  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (e) {
    // The file is a PFX and the MAC (when present) matched. Without a MAC, a failed
    // decryption is the only sign of a wrong password; anything else is content forge cannot read.
    const message = e instanceof Error ? e.message : String(e);
    if (mac === "absent" && /decrypt/i.test(message)) throw new DomainError("pki.wrong_password");
    throw new DomainError("pki.unsupported_format", {
      reason: "pkcs12_content",
      cause: message,
    });
  }

  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  if (keyBags.length === 0) throw new DomainError("pki.no_key");
  const rsaKeyBags = keyBags.filter((b) => b.key);
  // forge reads RSA keys only; a GOST key is present but unusable in this signer.
  if (rsaKeyBags.length === 0)
    throw new DomainError("pki.unsupported_algorithm", {
      reason: "key_algorithm",
    });

  for (const keyBag of rsaKeyBags) {
    const key = keyBag.key as forge.pki.rsa.PrivateKey;
    const id = localKeyId(keyBag);
    const match =
      certBags.find((c) => c.cert && id !== null && localKeyId(c) === id && sameKey(key, c.cert)) ??
      certBags.find((c) => c.cert && sameKey(key, c.cert));
    if (!match?.cert) continue;
    const others = certBags.filter((c) => c !== match && c.cert).map((c) => c.cert!);
    const chain = orderChain(match.cert, others);
    const certificateDer = certDer(match)!;
    return {
      key,
      certificate: match.cert,
      certificateDer,
      chain,
      chainDer: chain.map((c) => encodeDer(forge.pki.certificateToAsn1(c))),
      info: readCertificate(certificateDer),
    };
  }
  throw new DomainError("pki.no_certificate");
}
