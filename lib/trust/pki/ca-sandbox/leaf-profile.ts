import type { z } from "zod";
import type { ZCertificateHolder } from "../certification-authority";
import { OID, POLICY_OID, ROLE_OID } from "../oids";
import { type NameAttributeSpec, certificatePoliciesExtension } from "./certificate-builder";

/**
 * NCA RK end-entity profile: subject layout, and purpose/role/policy extensions
 * (README "OID / policy mapping").
 */

export type LeafRequest = z.output<typeof ZCertificateHolder>;
export type LeafPurpose = "signing" | "authentication";

/** CN=SURNAME NAME, SURNAME, SERIALNUMBER=IIN…, C=KZ, G=patronymic, O=…, OU=BIN… */
export function leafSubject(r: LeafRequest): NameAttributeSpec[] {
  const subject: NameAttributeSpec[] = [
    { oid: OID.commonName, value: `${r.surname} ${r.givenName}`, encoding: "utf8" },
    { oid: OID.surname, value: r.surname, encoding: "utf8" },
    { oid: OID.serialNumber, value: `IIN${r.iin}`, encoding: "printable" },
    { oid: OID.country, value: "KZ", encoding: "printable" },
  ];
  if (r.patronymic) subject.push({ oid: OID.givenName, value: r.patronymic, encoding: "utf8" });
  if (r.kind === "legal_entity") {
    subject.push({ oid: OID.organisation, value: r.organisation!, encoding: "utf8" });
    subject.push({ oid: OID.organisationalUnit, value: `BIN${r.bin!}`, encoding: "printable" });
  }
  return subject;
}

const SUB_ROLE = { first_head: ROLE_OID.firstHead, signer: ROLE_OID.signer, employee: ROLE_OID.employee } as const;

function roleOids(r: LeafRequest): string[] {
  return r.kind === "individual" ? [ROLE_OID.individual] : [ROLE_OID.legalEntity, SUB_ROLE[r.role ?? "employee"]];
}

function policy(r: LeafRequest, purpose: LeafPurpose): string {
  if (r.kind === "individual") {
    return purpose === "signing" ? POLICY_OID.individualSigning : POLICY_OID.individualAuthentication;
  }
  return purpose === "signing" ? POLICY_OID.legalEntitySigning : POLICY_OID.legalEntityAuthentication;
}

/** forge extension objects; `issuerKeyId` is the issuing CA's key identifier (binary string). */
export function leafExtensions(r: LeafRequest, purpose: LeafPurpose, issuerKeyId: string, crlUrl?: string): object[] {
  const signing = purpose === "signing";
  const eku: Record<string, unknown> = { name: "extKeyUsage", [signing ? "emailProtection" : "clientAuth"]: true };
  for (const o of roleOids(r)) eku[o] = true;
  const keyUsage = signing
    ? { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true }
    : { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true };
  const extensions: object[] = [
    { name: "basicConstraints", cA: false },
    keyUsage,
    eku,
    certificatePoliciesExtension([policy(r, purpose)]),
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: issuerKeyId },
  ];
  if (crlUrl) extensions.push({ name: "cRLDistributionPoints", altNames: [{ type: 6, value: crlUrl }] });
  return extensions;
}
