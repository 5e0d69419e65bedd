import { DomainError } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { resolveIn, workflowDefinition, ZRegulationVersion, type TRegulationVersion, type TVariant, type TWorkflowDefinition } from "@/lib/law/regulations";

// Versions are immutable once activated: parse each stored definition once per process.
const parsed = new Map<string, TRegulationVersion>();

function parseStored(row: { id: string; definition: unknown }): TRegulationVersion {
  let v = parsed.get(row.id);
  if (!v) {
    v = ZRegulationVersion.parse(row.definition);
    parsed.set(row.id, v);
  }
  return v;
}

export function variantOf(variant: string): TVariant {
  return variant.toLowerCase() as TVariant;
}

/** The definition of the version an application is registered under (read by id, once per process). */
export async function definitionForVersion(db: DbOrTx, regulationVersionId: string, variant: string): Promise<TWorkflowDefinition> {
  const cached = parsed.get(regulationVersionId);
  if (cached) return workflowDefinition(cached, variantOf(variant));
  const row = await db.regulationVersion.findUnique({ where: { id: regulationVersionId }, select: { id: true, definition: true } });
  if (!row) throw new DomainError("workflow.regulation_not_found", { regulationVersionId });
  return workflowDefinition(parseStored(row), variantOf(variant));
}

/**
 * The version in force at `at` for this provider (regional first, then the service's default),
 * chosen among the versions activated in the database.
 */
export async function resolveRegulationVersion(
  db: DbOrTx,
  o: { serviceCode: string; variant: string; organisation: { code: string; region: string }; at: Date; versionIds?: readonly string[] },
): Promise<{ regulationVersionId: string; definition: TWorkflowDefinition }> {
  // Ids first (or those the caller read with its own statement); the JSON only of versions this
  // process has not parsed yet (versions are immutable).
  const ids = o.versionIds
    ? o.versionIds.map((id) => ({ id }))
    : await db.regulationVersion.findMany({ where: { serviceCode: o.serviceCode }, select: { id: true } });
  const missing = ids.filter((r) => !parsed.has(r.id)).map((r) => r.id);
  if (missing.length) {
    for (const row of await db.regulationVersion.findMany({ where: { id: { in: missing } }, select: { id: true, definition: true } })) parseStored(row);
  }
  const versions = ids.map((r) => ({ rowId: r.id, v: parsed.get(r.id)! }));
  const chosen = resolveIn(
    versions.map((x) => x.v),
    { serviceCode: o.serviceCode, variant: variantOf(o.variant), organisationCode: o.organisation.code, region: o.organisation.region, at: o.at },
  );
  const rowId = versions.find((x) => x.v === chosen)!.rowId;
  return { regulationVersionId: rowId, definition: workflowDefinition(chosen, variantOf(o.variant)) };
}
