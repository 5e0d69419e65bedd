export { type LegalEntityRegistry, type RegistryLookupResult, type TRegistryEntity } from "./port";
export { SandboxLegalEntityRegistry } from "./sandbox-registry";
export { lookupMessageCode, requireActiveLegalEntity } from "./require-legal-entity";
export { lookupLegalEntity } from "./lookup-legal-entity";
export { ZPowerOfAttorney, checkPowerOfAttorney, representativeData, POA_MAX_AGE_YEARS, type TPowerOfAttorney } from "./power-of-attorney";
export { ZLegalEntityLookupInput, legalEntityRegistry, type TLegalEntityLookupInput } from "./legal-entity-registry";
