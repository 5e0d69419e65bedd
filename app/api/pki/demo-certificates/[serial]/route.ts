import { z } from "zod";
import { getDb } from "@/lib/platform/db";
import { demoCertificatesEnabled, getDemoPkcs12 } from "@/lib/trust/certificates";

export const dynamic = "force-dynamic";

const ZSerial = z.string().regex(/^[0-9a-fA-F]{2,64}$/);

/** A demo key store (.p12) of the sandbox CA; off in production with DEMO_DATA=0. */
export async function GET(_request: Request, { params }: { params: Promise<{ serial: string }> }) {
  const serial = ZSerial.safeParse((await params).serial);
  if (!demoCertificatesEnabled() || !serial.success) return new Response("Not found", { status: 404 });
  const file = await getDemoPkcs12(getDb(), serial.data);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/x-pkcs12",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
