/**
 * The state database "Legal entities" (ГБД ЮЛ / ЗТ МДБ) as the portal needs it: who is behind a
 * BIN. A real adapter queries it through the e-government gateway (ШЭП/ЭҮШ) [001 L302-304], [002 L208];
 * the sandbox (sandbox-registry.ts) answers from the `RegistryEntity` table.
 */
export type TRegistryEntity = {
  bin: string;
  name: string;
  legalAddress: string;
  headName: string;
  headIin: string;
  /** Date of state registration, YYYY-MM-DD. */
  registeredAt: string;
  status: "ACTIVE" | "LIQUIDATED";
};

export type RegistryLookupResult =
  | { status: "found"; entity: TRegistryEntity & { status: "ACTIVE" } }
  | { status: "not_found" }
  | { status: "liquidated"; entity: TRegistryEntity & { status: "LIQUIDATED" } }
  /** The registry or the gateway did not answer: try again later; says nothing about the entity. */
  | { status: "unavailable" };

export interface LegalEntityRegistry {
  /** Throws `DomainError("validation.bin_invalid")` for a malformed BIN; every other outcome is a result. */
  lookupByBin(bin: string): Promise<RegistryLookupResult>;
}
