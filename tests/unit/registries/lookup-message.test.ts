import { describe, expect, it } from "vitest";
import { lookupMessageCode, requireActiveLegalEntity, type LegalEntityRegistry, type RegistryLookupResult, type TRegistryEntity } from "@/lib/integration/registries";

const entity: TRegistryEntity = {
  bin: "050340000009",
  name: "«Ақтөбе Металл Ресурс» ЖШС",
  legalAddress: "Ақтөбе қ.",
  headName: "Серікбаев Нұржан",
  headIin: "800115300002",
  registeredAt: "2005-03-15",
  status: "ACTIVE",
};
const fixed = (r: RegistryLookupResult): LegalEntityRegistry => ({ lookupByBin: async () => r });

describe("lookup outcomes", () => {
  it("map not found and liquidated to the regulation's 'data cannot be obtained'", () => {
    expect(lookupMessageCode({ status: "found", entity: { ...entity, status: "ACTIVE" } })).toBeNull();
    expect(lookupMessageCode({ status: "not_found" })).toBe("registries.data_unavailable");
    expect(lookupMessageCode({ status: "liquidated", entity: { ...entity, status: "LIQUIDATED" } })).toBe("registries.data_unavailable");
    expect(lookupMessageCode({ status: "unavailable" })).toBe("registries.registry_unavailable");
  });

  it("requireActiveLegalEntity gives the entity or throws the code", async () => {
    await expect(requireActiveLegalEntity(fixed({ status: "found", entity: { ...entity, status: "ACTIVE" } }), entity.bin)).resolves.toMatchObject({
      name: entity.name,
    });
    await expect(requireActiveLegalEntity(fixed({ status: "not_found" }), entity.bin)).rejects.toThrow("registries.data_unavailable");
    await expect(requireActiveLegalEntity(fixed({ status: "liquidated", entity: { ...entity, status: "LIQUIDATED" } }), entity.bin)).rejects.toThrow(
      "registries.data_unavailable",
    );
    await expect(requireActiveLegalEntity(fixed({ status: "unavailable" }), entity.bin)).rejects.toThrow("registries.registry_unavailable");
  });
});
