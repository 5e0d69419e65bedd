import type { DbOrTx } from "@/lib/platform/db";
import type { Actor } from "@/lib/platform/auth";
import { recordAudit, type RequestMeta } from "@/lib/platform/audit";
import type { LegalEntityRegistry, RegistryLookupResult } from "./port";

/**
 * An officer's query of the "Legal entities" database, with an audit row saying who asked about
 * which BIN and what came back (the answer carries personal data: the head's name and IIN).
 */
export async function lookupLegalEntity(
  db: DbOrTx,
  registry: LegalEntityRegistry,
  input: { actor: Actor; bin: string; now: Date; meta?: RequestMeta },
): Promise<RegistryLookupResult> {
  const result = await registry.lookupByBin(input.bin);
  await recordAudit(db, {
    type: "registry.legal_entity_lookup",
    actor: input.actor,
    at: input.now,
    entityType: "registry_entity",
    entityId: input.bin.trim(),
    organisationId: input.actor.kind === "user" ? input.actor.organisationId : null,
    data: { outcome: result.status },
    meta: input.meta,
  });
  return result;
}
