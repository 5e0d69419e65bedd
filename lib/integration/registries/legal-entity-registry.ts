import { z } from "zod";
import { ZBin } from "@/lib/platform/core";
import type { DbOrTx } from "@/lib/platform/db";
import type { LegalEntityRegistry } from "./port";
import { SandboxLegalEntityRegistry } from "./sandbox-registry";

/** Form input of a lookup: a BIN with a valid check digit (`validation.bin_invalid`). */
export const ZLegalEntityLookupInput = z.object({ bin: ZBin });
export type TLegalEntityLookupInput = z.infer<typeof ZLegalEntityLookupInput>;

/**
 * The registry the portal talks to. Today only the sandbox exists; an adapter for the real
 * state database (through the e-government gateway) would be chosen here by configuration.
 */
export function legalEntityRegistry(db: DbOrTx): LegalEntityRegistry {
  return new SandboxLegalEntityRegistry(db);
}
