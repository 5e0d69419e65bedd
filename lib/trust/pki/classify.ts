import { AUTHENTICATION_POLICIES, OID, ROLE_OID, SIGNING_POLICIES } from "./oids";

/** Purpose and role of a certificate from its extensions (shared by browser and server). */

export type CertificatePurpose = "signing" | "authentication" | "unknown";
export type SubjectRole = "individual" | "first_head" | "signer" | "employee" | "legal_entity" | "unknown";

export type KeyUsageFlags = {
  digitalSignature: boolean;
  nonRepudiation: boolean;
  keyEncipherment: boolean;
  dataEncipherment: boolean;
  keyAgreement: boolean;
  keyCertSign: boolean;
  cRLSign: boolean;
};

/** Purpose from keyUsage + extKeyUsage; a contradicting policy makes it "unknown". */
export function classifyPurpose(
  keyUsage: KeyUsageFlags | null,
  eku: readonly string[],
  policies: readonly string[],
): CertificatePurpose {
  if (!keyUsage || !keyUsage.digitalSignature) return "unknown";
  const signEku = eku.includes(OID.emailProtection);
  const authEku = eku.includes(OID.clientAuth);
  const signPolicy = policies.some((p) => SIGNING_POLICIES.includes(p));
  const authPolicy = policies.some((p) => AUTHENTICATION_POLICIES.includes(p));
  if (keyUsage.keyCertSign) return "unknown";
  if (keyUsage.nonRepudiation && !keyUsage.keyEncipherment && signEku && !authEku && !authPolicy) return "signing";
  if (keyUsage.keyEncipherment && !keyUsage.nonRepudiation && authEku && !signEku && !signPolicy)
    return "authentication";
  return "unknown";
}

/** Role from the NCA role OIDs in extKeyUsage; contradictory combinations give "unknown". */
export function classifyRole(eku: readonly string[]): SubjectRole {
  const individual = eku.includes(ROLE_OID.individual);
  const legalEntity = eku.includes(ROLE_OID.legalEntity);
  const subRoles: SubjectRole[] = [];
  if (eku.includes(ROLE_OID.firstHead)) subRoles.push("first_head");
  if (eku.includes(ROLE_OID.signer)) subRoles.push("signer");
  if (eku.includes(ROLE_OID.employee)) subRoles.push("employee");
  if (individual && (legalEntity || subRoles.length > 0)) return "unknown";
  if (subRoles.length > 1) return "unknown";
  if (subRoles.length === 1) return subRoles[0]!;
  if (legalEntity) return "legal_entity";
  if (individual) return "individual";
  return "unknown";
}
