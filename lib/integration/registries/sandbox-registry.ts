import { DomainError, isValidBin } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import { logger } from "@/lib/platform/log";
import type { LegalEntityRegistry, RegistryLookupResult, TRegistryEntity } from "./port";

/** Stand-in for the "Legal entities" state database, backed by the `RegistryEntity` table (seeded demo entities). */
export class SandboxLegalEntityRegistry implements LegalEntityRegistry {
  constructor(private readonly db: DbOrTx) {}

  async lookupByBin(raw: string): Promise<RegistryLookupResult> {
    const bin = raw.trim();
    if (!isValidBin(bin)) throw new DomainError("validation.bin_invalid");
    let row;
    try {
      row = await this.db.registryEntity.findUnique({ where: { bin } });
    } catch (e) {
      // The sandbox's own storage failing plays the part of an unreachable gateway.
      logger.warn({ err: e }, "legal-entity registry sandbox unavailable");
      return { status: "unavailable" };
    }
    if (!row) return { status: "not_found" };
    const base: Omit<TRegistryEntity, "status"> = {
      bin: row.bin,
      name: row.name,
      legalAddress: row.legalAddress,
      headName: row.headName,
      headIin: row.headIin,
      registeredAt: row.registeredAt.toISOString().slice(0, 10),
    };
    return row.status === "ACTIVE"
      ? { status: "found", entity: { ...base, status: "ACTIVE" } }
      : { status: "liquidated", entity: { ...base, status: "LIQUIDATED" } };
  }
}
