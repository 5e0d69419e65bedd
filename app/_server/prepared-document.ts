import type { RequestMeta } from "@/lib/platform/audit";
import type { UserActor } from "@/lib/platform/auth";
import type { PreparedDocument } from "@/lib/cases/licence-signing";
import type { PreparedLicenceDocument } from "@/components/signing/sign-licence-document";
import { getDb } from "./db";

type Ctx = { actor: UserActor; meta: RequestMeta; now: Date };
type Prepare<I> = (db: ReturnType<typeof getDb>, ctx: Ctx, input: I) => Promise<PreparedDocument>;

/**
 * The body of an action that prepares a licence PDF for the head's certificate (the decision's
 * licence, a deemed-issued licence): the PDF goes to the browser's signing component in base64
 * with the byte ranges it signs. Passed to `action(schema, handler, { permission })`.
 */
export function prepareForBrowserSigning<I>(prepare: Prepare<I>): (input: I, ctx: Ctx) => Promise<PreparedLicenceDocument> {
  return async (input, ctx) => {
    const p = await prepare(getDb(), ctx, input);
    return { preparationId: p.preparationId, pdfBase64: Buffer.from(p.pdf).toString("base64"), byteRange: p.byteRange };
  };
}
