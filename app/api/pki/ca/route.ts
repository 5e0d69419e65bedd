import { z } from "zod";
import { route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { DbSandboxCa } from "@/lib/trust/certificates";
import { fileHeaders } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  cert: z.enum(["all", "root", "issuing"]).catch("all"),
  format: z.enum(["pem", "der"]).catch("pem"),
});

function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, ""), "base64"));
}

/**
 * The sandbox CA certificates for people to install as trusted (test only!): by default the
 * root and the issuing CA in one PEM file; `?cert=root|issuing` for one, `&format=der` as .cer.
 */
export const GET = route({ public: "anyone may install the sandbox trust anchors" }, "CA certificates", async (request) => {
  const url = new URL(request.url);
  const q = ZQuery.parse({ cert: url.searchParams.get("cert") ?? undefined, format: url.searchParams.get("format") ?? undefined });
  const anchors = await new DbSandboxCa(getDb(), { now: new Date() }).trustAnchors();
  const root = anchors.anchors[0]!;
  const issuing = anchors.intermediates[0]!;
  const cacheControl = "public, max-age=3600";
  if (q.cert !== "all" && q.format === "der") {
    return new Response(new Uint8Array(pemToDer(q.cert === "root" ? root : issuing)), {
      headers: fileHeaders({ fileName: `elicense-sandbox-${q.cert}.cer`, contentType: "application/pkix-cert", cacheControl }),
    });
  }
  const body = q.cert === "root" ? root : q.cert === "issuing" ? issuing : `${root.trim()}\n${issuing.trim()}\n`;
  return new Response(body, {
    headers: fileHeaders({ fileName: `elicense-sandbox-${q.cert === "all" ? "ca" : q.cert}.pem`, contentType: "application/x-pem-file; charset=utf-8", cacheControl }),
  });
});
