import { z } from "zod";
import { refuse, route } from "@/app/_server/route";
import { getDb } from "@/app/_server/db";
import { getDemoPkcs12 } from "@/lib/trust/certificates";
import { fileHeaders } from "@/lib/platform/http";
import { isDemoMode } from "@/lib/platform/demo";

export const dynamic = "force-dynamic";

const ZSerial = z.string().regex(/^[0-9a-fA-F]{2,64}$/);

/** A demo key store (.p12) of the sandbox CA; only in demo mode (DEMO_MODE=1), else 404. */
export const GET = route({ public: "demo key stores for trying the portal" }, "demo key store", async (_request, { params }: { params: { serial?: string } }) => {
  const serial = ZSerial.safeParse(params.serial);
  if (!isDemoMode(process.env) || !serial.success) return refuse("errors.not_found");
  const file = await getDemoPkcs12(getDb(), serial.data);
  if (!file) return refuse("errors.not_found");
  return new Response(new Uint8Array(file.bytes), {
    headers: fileHeaders({ fileName: file.fileName, contentType: "application/x-pkcs12", cacheControl: "no-store" }),
  });
});
