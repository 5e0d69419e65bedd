import { DomainError } from "@/lib/platform/core";
import type { DbOrTx, SignaturePurpose } from "@/lib/platform/db";
import { getPublicLicenceStatus, type TPublicLicence } from "@/lib/cases/licences";
import { extractPdfSignatures, isPdf } from "@/lib/trust/pades";
import {
  type RevocationChecker,
  type TrustStore,
  type VerificationResult,
  type VerificationStatus,
  decodeCms,
  verifyDetached,
  verifyRequestSignature,
} from "@/lib/trust/pki/server";
import { sha256Hex } from "@/lib/trust/signatures";

/** Largest file the public check reads (a licence PDF is ~50–150 KB; a duplicate carries its original). */
export const MAX_VERIFY_FILE_BYTES = 1_500_000;
const MAX_DETACHED_SIGNATURE_BYTES = 64 * 1024;

export type TVerifyFileContext = { trustStore: TrustStore; revocations: RevocationChecker; now: Date };

/** One signature of the uploaded file, judged as at signing. */
export type TCheckedSignature = {
  status: VerificationStatus;
  reason: string | null;
  signer: { name: string; iin: string | null; bin: string | null; organisation: string | null } | null;
  /** The signer's signing-time claim; `judgedAt` is the register's recorded time when the signature is registered. */
  signingTime: Date | null;
  judgedAt: Date | null;
  /** Signer → issuing CA → root, by name, when the chain was built. */
  chain: string[];
  /** Revocation as at `judgedAt`: "revoked_later" = revoked after the signature, which stays valid. */
  revocation: "not_revoked" | "revoked" | "revoked_later" | "not_checked";
  revokedAt: Date | null;
  /** The signature time-stamp (PAdES B-T), verified; `judgedAt` is then its time. */
  timestamp: { time: Date; authority: string } | null;
  /** Nothing was added to the file after this signature. */
  coversWholeFile: boolean;
  /** The register holds this very signature. */
  registered: boolean;
};

export type TFileVerification = {
  format: "pdf" | "package" | "detached";
  signatures: TCheckedSignature[];
  /** Signed, every signature valid, and nothing added after the last one. */
  valid: boolean;
  register: {
    /** The file is byte for byte a document of the register (a licence PDF revision, or a signed request/decision). */
    matches: boolean;
    kind: "licence" | "duplicate" | "annex" | "request" | "decision" | null;
    /** Licence PDF revision (2 = a signature attached later to a deemed-issued licence) and whether a newer one exists. */
    revision: number | null;
    latestRevision: boolean | null;
    licence: TPublicLicence | null;
    registrationNumber: string | null;
  };
};

type Registered = { id: string; purpose: SignaturePurpose; signingTime: Date; signerIin: string | null; signerBin: string | null; applicationId: string | null };

/** DER as served, or Base64 / PEM text (what many signing tools save). */
function readCmsBytes(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x30) return bytes;
  const text = Buffer.from(bytes).toString("latin1").replace(/-----(BEGIN|END)[^-]*-----/g, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new DomainError("licences.upload_unreadable");
  const der = new Uint8Array(Buffer.from(text, "base64"));
  if (der[0] !== 0x30) throw new DomainError("licences.upload_unreadable");
  return der;
}

function signatureValue(cms: Uint8Array): Uint8Array | null {
  const d = decodeCms(cms);
  return d.ok ? d.cms.signature : null;
}

/** The register's signature row that is this CMS (same content digest and the same signature value). */
async function findRegistered(db: DbOrTx, cms: Uint8Array, content: Uint8Array): Promise<Registered | null> {
  const value = signatureValue(cms);
  if (!value) return null;
  const rows = await db.signature.findMany({
    where: { contentSha256: sha256Hex(content), status: "valid" },
    select: { id: true, purpose: true, cms: true, signingTime: true, signerIin: true, signerBin: true, applicationId: true },
    take: 20,
  });
  const hex = Buffer.from(value).toString("hex");
  const row = rows.find((r) => Buffer.from(signatureValue(new Uint8Array(r.cms)) ?? []).toString("hex") === hex);
  return row ?? null;
}

async function judge(cms: Uint8Array, content: Uint8Array, reg: Registered | null, pdf: boolean, ctx: TVerifyFileContext): Promise<VerificationResult> {
  const common = { cms, content, trustStore: ctx.trustStore, revocations: ctx.revocations, now: ctx.now };
  if (reg?.purpose === "REQUEST") {
    const expected = reg.signerBin ? { bin: reg.signerBin } : { iin: reg.signerIin ?? "" };
    return verifyRequestSignature({ ...common, expected, recordedSigningTime: reg.signingTime });
  }
  if (reg) return verifyDetached({ ...common, recordedSigningTime: reg.signingTime });
  // Not the register's: an officer's licence signature for a PDF; any signing key for a package.
  return verifyDetached(pdf ? common : { ...common, policy: { legalEntityRoles: "any", requireLegalEntity: false } });
}

function checked(r: VerificationResult, reg: Registered | null, coversWholeFile: boolean): TCheckedSignature {
  const s = r.signer;
  const revokedLater = r.revokedAt && r.judgedAt && r.revokedAt > r.judgedAt;
  return {
    status: r.status,
    reason: r.reason ?? null,
    signer: s ? { name: s.commonName ?? s.subject, iin: s.iin, bin: s.bin, organisation: s.organisation } : null,
    signingTime: r.signingTime ?? null,
    judgedAt: r.judgedAt ?? null,
    chain: r.chainSubjects ?? [],
    revocation: r.status === "revoked" ? "revoked" : revokedLater ? "revoked_later" : r.chain ? "not_revoked" : "not_checked",
    revokedAt: r.revokedAt ?? null,
    timestamp: r.timestamp ? { time: r.timestamp.time, authority: r.timestamp.tsa } : null,
    coversWholeFile,
    registered: Boolean(reg),
  };
}

const MALFORMED: TCheckedSignature = {
  status: "malformed",
  reason: "empty_signature_field",
  signer: null,
  signingTime: null,
  judgedAt: null,
  chain: [],
  revocation: "not_checked",
  revokedAt: null,
  timestamp: null,
  coversWholeFile: false,
  registered: false,
};

/**
 * The public check of a file (page `/[locale]/verify` and `POST /api/v1/verification`): a licence PDF
 * (its PAdES signatures), a signed package (.p7s with the content inside), or a document with its
 * detached .p7s. Each signature is verified as at its signing time (the register's recorded time
 * when the register holds it) — signer, organisation (BIN), chain, revocation then — and the file is
 * compared with the register. Throws only for unreadable or oversized input and unknown revocation.
 */
export async function verifySignedFile(
  db: DbOrTx,
  input: { file: Uint8Array; signature?: Uint8Array | null },
  ctx: TVerifyFileContext,
): Promise<TFileVerification> {
  const { file } = input;
  if (file.length === 0) throw new DomainError("licences.upload_missing");
  if (file.length > MAX_VERIFY_FILE_BYTES) throw new DomainError("licences.upload_too_large");
  const register: TFileVerification["register"] = { matches: false, kind: null, revision: null, latestRevision: null, licence: null, registrationNumber: null };

  if (!input.signature && isPdf(file)) {
    const signatures: TCheckedSignature[] = [];
    let registeredId: string | null = null;
    for (const s of extractPdfSignatures(file)) {
      if (!s.cms) {
        signatures.push({ ...MALFORMED, coversWholeFile: s.coversWholeFile });
        continue;
      }
      const reg = await findRegistered(db, s.cms, s.content);
      if (reg) registeredId = reg.id;
      signatures.push(checked(await judge(s.cms, s.content, reg, true, ctx), reg, s.coversWholeFile));
    }
    const doc =
      (await db.licenceDocument.findFirst({ where: { sha256: sha256Hex(file) } })) ??
      (registeredId ? await db.licenceDocument.findFirst({ where: { signatureId: registeredId } }) : null);
    if (doc) {
      const newer = await db.licenceDocument.count({ where: { licenceId: doc.licenceId, duplicateId: doc.duplicateId, annexId: doc.annexId, revision: { gt: doc.revision } } });
      const licence = await db.licence.findUniqueOrThrow({ where: { id: doc.licenceId }, select: { number: true } });
      Object.assign(register, {
        matches: doc.sha256 === sha256Hex(file),
        kind: doc.duplicateId ? "duplicate" : doc.annexId ? "annex" : "licence",
        revision: doc.revision,
        latestRevision: newer === 0,
        licence: await getPublicLicenceStatus(db, { number: licence.number }),
      });
    }
    const last = signatures[signatures.length - 1];
    return { format: "pdf", signatures, valid: Boolean(last?.coversWholeFile) && signatures.every((s) => s.status === "valid"), register };
  }

  let cms: Uint8Array;
  let content: Uint8Array;
  if (input.signature) {
    if (input.signature.length > MAX_DETACHED_SIGNATURE_BYTES) throw new DomainError("licences.upload_too_large");
    cms = readCmsBytes(input.signature);
    content = file;
  } else {
    cms = readCmsBytes(file);
    const d = decodeCms(cms);
    if (d.ok && !d.cms.eContent) throw new DomainError("licences.upload_needs_document");
    content = d.ok ? d.cms.eContent! : new Uint8Array();
  }
  const reg = await findRegistered(db, cms, content);
  const signatures = [checked(await judge(cms, content, reg, false, ctx), reg, true)];
  if (reg) {
    register.matches = true;
    register.kind = reg.purpose === "REQUEST" ? "request" : "decision";
    if (reg.applicationId) {
      const app = await db.application.findUnique({ where: { id: reg.applicationId }, select: { registrationNumber: true } });
      register.registrationNumber = app?.registrationNumber ?? null;
    }
    const licence = reg.purpose === "DECISION" ? await db.licence.findFirst({ where: { signatureId: reg.id }, select: { number: true } }) : null;
    if (licence) register.licence = await getPublicLicenceStatus(db, { number: licence.number });
  }
  return { format: input.signature ? "detached" : "package", signatures, valid: signatures[0]!.status === "valid", register };
}
