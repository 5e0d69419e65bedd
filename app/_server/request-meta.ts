import { headers } from "next/headers";
import type { RequestMeta } from "@/lib/platform/audit";
import { clientAddress } from "@/lib/platform/limits";

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return {
    ip: clientAddress(h.get("x-forwarded-for")),
    userAgent: h.get("user-agent"),
  };
}
