"use server";

import { action } from "@/app/_server/action";
import { STAFF_ROLES } from "@/lib/platform/auth";
import { getDb } from "@/app/_server/db";
import { legalEntityRegistry, lookupLegalEntity, ZLegalEntityLookupInput } from "@/lib/integration/registries";

/** An officer's query of the "Legal entities" database by BIN (audited). */
export const lookupLegalEntityAction = action(
  ZLegalEntityLookupInput,
  async ({ bin }, { actor, now, meta }) => {
    const db = getDb();
    return lookupLegalEntity(db, legalEntityRegistry(db), { actor, bin, now, meta });
  },
  { permission: "registry.lookup" },
);
