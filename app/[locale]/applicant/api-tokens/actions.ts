"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/app/_server/action";
import { createApiToken, revokeApiToken, ZCreateApiTokenInput, ZRevokeApiTokenInput } from "@/lib/integration/api-tokens";
import { getDb } from "@/app/_server/db";

/** Creates a token; the plain value travels back once, in this answer only, and is never stored. */
export const createApiTokenAction = action(
  ZCreateApiTokenInput,
  async (input, { actor, meta, now }) => {
    const { token, apiToken } = await createApiToken(getDb(), { actor, name: input.name, now, meta });
    revalidatePath("/[locale]/applicant/api-tokens", "page");
    return { token, name: apiToken.name };
  },
  { permission: "api_token.manage" },
);

export const revokeApiTokenAction = action(
  ZRevokeApiTokenInput,
  async (input, { actor, meta, now }) => {
    const r = await revokeApiToken(getDb(), { actor, tokenId: input.tokenId, now, meta });
    revalidatePath("/[locale]/applicant/api-tokens", "page");
    return { name: r.name };
  },
  { permission: "api_token.manage" },
);
