import { refuse, route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { readBodyLimited } from "@/app/_server/request-body";
import { sharedLimiter } from "@/lib/platform/limits";
import { addressKeyOf, tooManyRequests } from "@/app/_server/public-limit";
import { DbSandboxCa } from "@/lib/trust/certificates";

export const dynamic = "force-dynamic";

/** A TimeStampReq is ~60–120 bytes; anything beyond 4 KiB is not one. */
const MAX_TSA_REQUEST_BYTES = 4096;
/** Per client address (TRUSTED_PROXIES) and minute, shared by every instance: enough for signing, not for a stamping service for others. */
const limiter = () => sharedLimiter({ name: "tsa", limit: 60, windowSeconds: 60 });

/**
 * The sandbox time-stamping authority (RFC 3161 over HTTP, section 3.4): `POST` a DER
 * TimeStampReq as `application/timestamp-query`, get a DER TimeStampResp as
 * `application/timestamp-reply` — granted with a token signed by the sandbox TSA certificate
 * (issued by the sandbox CA, EKU timeStamping), or a rejection with its failInfo. What a real TSA
 * adapter talks to as well: set TSA_URL to this route (or to a real TSA) for PAdES B-T.
 * Test only, like the rest of the sandbox CA. Body ≤ 4 KiB, 60 requests a minute per address.
 */
export const POST = route({ public: "relying parties and the portal itself ask the sandbox TSA for time-stamps" }, "TSA", async (request) => {
  const now = new Date();
  const rate = await limiter().hit(addressKeyOf(request), now);
  if (!rate.allowed) return tooManyRequests(rate, now);
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/timestamp-query") return refuse("api.unsupported_media_type");
  const body = await readBodyLimited(request, MAX_TSA_REQUEST_BYTES);
  if (!body) return refuse("api.payload_too_large");
  const tsa = await new DbSandboxCa(getDb(), { now }).timeStampAuthority();
  return new Response(new Uint8Array(tsa.respond(body, now)), {
    headers: { "Content-Type": "application/timestamp-reply", "Cache-Control": "no-store" },
  });
});
