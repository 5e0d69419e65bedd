import { API_OPERATIONS } from "@/lib/integration/api";
import { verifySignedFile } from "@/lib/cases/licence-signing";
import { getVerificationContext } from "@/lib/trust/certificates";
import { withApi } from "../_lib/with-api";

export const dynamic = "force-dynamic";

/** Public check of a signed file (multipart `file`, optional `signature`): the same as the page /{locale}/verify. */
export const POST = withApi(API_OPERATIONS.verifyFile, async ({ db, now, body }) => {
  const file = new Uint8Array(await body.file.arrayBuffer());
  const signature = body.signature ? new Uint8Array(await body.signature.arrayBuffer()) : null;
  const { trustStore, revocations } = await getVerificationContext(db, now);
  const result = await verifySignedFile(db, { file, signature }, { trustStore, revocations, now });
  return { checkedAt: now, ...result };
});
