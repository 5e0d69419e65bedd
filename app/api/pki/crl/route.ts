import { route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { logger } from "@/lib/platform/log";
import { getCurrentCrl } from "@/lib/trust/certificates";
import { fileHeaders } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

/**
 * CRL of the sandbox issuing CA (the distribution point written into its certificates): the
 * same CRL the portal verifies with, re-signed at least hourly and right after a revocation.
 */
export const GET = route({ public: "relying parties fetch the CRL" }, "CRL", async () => {
  try {
    const crl = await getCurrentCrl(getDb(), new Date());
    return new Response(new Uint8Array(crl.der), {
      // Short cache: a revocation must reach relying parties quickly.
      headers: fileHeaders({ fileName: "elicense-sandbox-ca.crl", contentType: "application/pkix-crl", cacheControl: "public, max-age=60", extra: { "Last-Modified": crl.thisUpdate.toUTCString() } }),
    });
  } catch (e) {
    logger.error({ err: e }, "CRL could not be produced");
    return new Response("CRL temporarily unavailable", { status: 503, headers: { "Retry-After": "30", "Cache-Control": "no-store" } });
  }
});
