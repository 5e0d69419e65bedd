import { DomainError } from "@/lib/platform/core";
import type { LegalEntityRegistry, RegistryLookupResult, TRegistryEntity } from "./port";

/**
 * The message code for a lookup that does not give an active entity, or null when it does.
 * Not found and liquidated are the regulation's "data cannot be obtained" refusal
 * [001 L305-307], [002 L211-212]; an unreachable registry is a separate, temporary condition.
 */
export function lookupMessageCode(result: RegistryLookupResult): "registries.data_unavailable" | "registries.registry_unavailable" | null {
  switch (result.status) {
    case "found":
      return null;
    case "not_found":
    case "liquidated":
      return "registries.data_unavailable";
    case "unavailable":
      return "registries.registry_unavailable";
  }
}

/** For callers that need an active legal entity or an error code (walk-in intake). */
export async function requireActiveLegalEntity(registry: LegalEntityRegistry, bin: string): Promise<TRegistryEntity & { status: "ACTIVE" }> {
  const result = await registry.lookupByBin(bin);
  if (result.status === "found") return result.entity;
  throw new DomainError(lookupMessageCode(result)!, { bin: bin.trim(), outcome: result.status });
}
