import type { DbOrTx } from "@/lib/platform/db";
import { type TimeStampSummary, type TspFetch, addSignatureTimeStamp } from "@/lib/trust/pki/server";
import { timeStampUrl } from "./config";
import { DbSandboxCa } from "./sandbox-ca";
import { type VerificationContext, getVerificationContext } from "./verification-context";

/** The configured time-stamp source; `fetch` lets tests and the in-process sandbox stand in for the network. */
export type TimeStampSource = { url: string; fetch?: TspFetch };

/** `TSA_URL` as a source, or null (no time-stamps: PAdES B-B). */
export function configuredTimeStampSource(env: Readonly<Record<string, string | undefined>> = process.env): TimeStampSource | null {
  const url = timeStampUrl(env);
  return url ? { url } : null;
}

/** A fetch that hands the request to the sandbox TSA of this database at the portal's `now` (TSA_URL=sandbox). */
function sandboxFetch(db: DbOrTx, now: Date): TspFetch {
  return async (_url, init) => {
    const tsa = await new DbSandboxCa(db, { now }).timeStampAuthority();
    return new Response(new Uint8Array(tsa.respond(init.body, now)), { headers: { "Content-Type": "application/timestamp-reply" } });
  };
}

/**
 * A signature time-stamp (RFC 3161 token over the SignerInfo's signature value, unsigned attribute
 * id-aa-timeStampToken) from the configured source; the CMS unchanged when none is configured.
 * The token is verified against the portal's trust store before it is added. Throws
 * pki.timestamp_unavailable when the source gives no valid token.
 */
export async function addTimeStamp(
  db: DbOrTx,
  cms: Uint8Array,
  now: Date,
  options: { source?: TimeStampSource | null; context?: VerificationContext } = {},
): Promise<{ cms: Uint8Array; timestamp: TimeStampSummary | null }> {
  const source = options.source === undefined ? configuredTimeStampSource() : options.source;
  if (!source) return { cms, timestamp: null };
  const { trustStore, revocations } = options.context ?? (await getVerificationContext(db, now));
  const fetch = source.fetch ?? (source.url === "sandbox" ? sandboxFetch(db, now) : undefined);
  return addSignatureTimeStamp(cms, now, { url: source.url, trustStore, revocations, ...(fetch ? { fetch } : {}) });
}
