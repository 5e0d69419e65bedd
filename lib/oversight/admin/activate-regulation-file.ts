import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/platform/auth";
import { DomainError, type ErrorCode } from "@/lib/platform/core";
import type { DbOrTx, Tx } from "@/lib/platform/db";
import { localIsoDate, parseRegulationFile, ZRegulationVersion, type TFieldError, type TRegulationVersion } from "@/lib/law/regulations";
import { inTransaction, auditAdmin, type AdminCtx } from "./admin-context";

export const MAX_REGULATION_FILE_BYTES = 1024 * 1024;

export const ZActivateRegulationFileInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  bytes: z.instanceof(Uint8Array),
});
export type TActivateRegulationFileInput = z.input<typeof ZActivateRegulationFileInput>;

export type TActivationResult = {
  created: { id: string; regulationId: string; version: number }[];
  /** Versions in the file that are already active with identical content (nothing to do). */
  unchanged: { id: string; regulationId: string; version: number }[];
};

// Serialises activations so two uploads cannot both pass the overlap check (pg advisory lock key).
const ACTIVATION_LOCK = 7_215_001;

/** Same digest as the seed (`syncRegulations`): sha256 of the definition's JSON. */
export function regulationSha256(definition: unknown): string {
  return createHash("sha256").update(JSON.stringify(definition)).digest("hex");
}

function fail(code: ErrorCode, errors: TFieldError[]): never {
  const fieldErrors: Record<string, string> = {};
  for (const e of errors) fieldErrors[e.path] = fieldErrors[e.path] ? `${fieldErrors[e.path]} · ${e.message}` : e.message;
  throw new DomainError(code, { fieldErrors, errors });
}

/** Bytes → JSON value; refuses files that are too large, not named .json, not UTF-8 or not JSON. */
export function readRegulationJson(fileName: string, bytes: Uint8Array): unknown {
  if (bytes.byteLength > MAX_REGULATION_FILE_BYTES) fail("admin.regulations.file_too_large", [{ path: "file", message: "admin.regulations.file_too_large" }]);
  if (!/\.json$/i.test(fileName)) fail("admin.regulations.file_not_json", [{ path: "file", message: "admin.regulations.file_not_json" }]);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    fail("admin.regulations.file_not_json", [{ path: "file", message: "admin.regulations.file_not_json" }]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    fail("admin.regulations.invalid_json", [{ path: "(root)", message: (e as Error).message }]);
  }
}

/**
 * Activates the regulation versions of an uploaded file. The file is validated by lib/law/regulations
 * (schema and structure, then no overlap with the versions already active for the same scope);
 * every error names its field path. Versions are immutable: an (id, version) that exists already
 * is refused unless its content is identical (then it is reported as unchanged). New rows, their
 * sha256 and who activated them are written in one transaction with one audit row per version.
 */
export async function activateRegulationFile(db: DbOrTx, actor: Actor, raw: TActivateRegulationFileInput, ctx: AdminCtx): Promise<TActivationResult> {
  assertCan(actor, "admin.regulations");
  const { fileName, bytes } = ZActivateRegulationFileInput.parse(raw);
  const json = readRegulationJson(fileName, bytes);
  const structural = parseRegulationFile(json, { file: fileName });
  if (!structural.ok) fail("admin.regulations.file_invalid", structural.errors);
  const isFile = typeof json === "object" && json !== null && "versions" in json;
  const at = (i: number, field: string) => (isFile ? `versions[${i}].${field}` : field);
  const fileSha256 = createHash("sha256").update(bytes).digest("hex");

  return inTransaction(db, async (tx) => {
    await tx.$queryRawUnsafe(`select 1 as locked from pg_advisory_xact_lock(${ACTIVATION_LOCK})`);
    const rows = await tx.regulationVersion.findMany({ select: { id: true, regulationId: true, version: true, definition: true } });
    const stored = rows.map((r) => ({ row: r, version: ZRegulationVersion.parse(r.definition) }));

    const errors: TFieldError[] = [];
    const unchanged: TActivationResult["unchanged"] = [];
    const fresh: { index: number; version: TRegulationVersion }[] = [];
    structural.versions.forEach((v, index) => {
      const twin = stored.find((s) => s.row.regulationId === v.id && s.row.version === v.version);
      if (!twin) fresh.push({ index, version: v });
      else if (canonicalize(twin.version) === canonicalize(v)) unchanged.push({ id: twin.row.id, regulationId: v.id, version: v.version });
      else errors.push({ file: fileName, path: at(index, "version"), message: "admin.regulations.version_exists" });
    });
    if (errors.length) fail("admin.regulations.file_invalid", errors);

    // Overlap with the active versions (their identical twins in this file excluded: they are the same version).
    const twinIds = new Set(unchanged.map((u) => u.id));
    const scoped = parseRegulationFile(json, { file: fileName, existing: stored.filter((s) => !twinIds.has(s.row.id)).map((s) => s.version) });
    if (!scoped.ok) fail("admin.regulations.file_invalid", scoped.errors);

    const today = localIsoDate(ctx.now);
    const orgIds = await referenceErrors(tx, fresh, at, fileName, today, errors);
    if (errors.length) fail("admin.regulations.file_invalid", errors);

    const created: TActivationResult["created"] = [];
    for (const { version: v } of fresh) {
      const definition = JSON.parse(JSON.stringify(v)) as object;
      const sha256 = regulationSha256(definition);
      const organisationId = v.scope.organisationCode ? orgIds.get(v.scope.organisationCode)! : null;
      const row = await tx.regulationVersion.create({
        data: {
          regulationId: v.id,
          version: v.version,
          serviceCode: v.scope.serviceCode,
          organisationId,
          region: v.scope.region ?? null,
          effectiveFrom: new Date(`${v.effectiveFrom}T00:00:00Z`),
          effectiveTo: v.effectiveTo ? new Date(`${v.effectiveTo}T00:00:00Z`) : null,
          definition,
          sha256,
          activatedAt: ctx.now,
          activatedById: actor.userId,
        },
        select: { id: true },
      });
      await auditAdmin(tx, actor, ctx, {
        type: "admin.regulation_version_activated",
        entityType: "regulation_version",
        entityId: row.id,
        organisationId,
        data: { regulationId: v.id, version: v.version, serviceCode: v.scope.serviceCode, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, sha256, fileName, fileSha256 },
      });
      created.push({ id: row.id, regulationId: v.id, version: v.version });
    }
    return { created, unchanged };
  });
}

/**
 * What the schema cannot know: the service exists and offers the variants, the organisation or
 * region exists, and the version does not start before today (applications registered earlier
 * keep their version, so a back-dated start would describe something that never applied).
 */
async function referenceErrors(
  tx: Tx,
  fresh: readonly { index: number; version: TRegulationVersion }[],
  at: (i: number, field: string) => string,
  file: string,
  today: string,
  errors: TFieldError[],
): Promise<Map<string, string>> {
  if (fresh.length === 0) return new Map();
  const [services, orgs] = await Promise.all([
    tx.service.findMany({ where: { code: { in: fresh.map((f) => f.version.scope.serviceCode) } }, select: { code: true, variants: true } }),
    tx.organisation.findMany({ select: { id: true, code: true, region: true } }),
  ]);
  const serviceByCode = new Map(services.map((s) => [s.code, s]));
  const orgIds = new Map(orgs.map((o) => [o.code, o.id]));
  const regions = new Set(orgs.map((o) => o.region));
  for (const { index, version: v } of fresh) {
    const service = serviceByCode.get(v.scope.serviceCode);
    if (!service) errors.push({ file, path: at(index, "scope.serviceCode"), message: "admin.regulations.unknown_service" });
    else
      v.scope.variants.forEach((variant, j) => {
        if (!service.variants.includes(variant)) errors.push({ file, path: at(index, `scope.variants[${j}]`), message: "admin.regulations.variant_not_offered" });
      });
    if (v.scope.organisationCode && !orgIds.has(v.scope.organisationCode)) errors.push({ file, path: at(index, "scope.organisationCode"), message: "admin.regulations.unknown_organisation" });
    if (v.scope.region && !regions.has(v.scope.region)) errors.push({ file, path: at(index, "scope.region"), message: "admin.regulations.unknown_region" });
    if (v.effectiveFrom < today) errors.push({ file, path: at(index, "effectiveFrom"), message: "admin.regulations.starts_in_past" });
  }
  return orgIds;
}
