"use server";

import { z } from "zod";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { action } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { DEFAULT_LOCALE, isLocale } from "@/lib/platform/i18n";
import { startPayment } from "@/lib/cases/payments";

const ZStartPaymentInput = z.object({ applicationId: z.uuid() });

/** Public URL of the portal: NEXTAUTH_URL when set (behind a proxy), else the request's host. */
async function portalBaseUrl(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/** "Pay" on the application: opens (or continues) the payment and returns the gateway's page. */
export const startPaymentAction = action(
  ZStartPaymentInput,
  async (input, { actor, meta, now }) => {
    const l = await getLocale();
    const r = await startPayment(getDb(), {
      actor,
      applicationId: input.applicationId,
      now,
      meta,
      baseUrl: await portalBaseUrl(),
      locale: isLocale(l) ? l : DEFAULT_LOCALE,
    });
    return { paymentPageUrl: r.paymentPageUrl, paymentCode: r.paymentCode };
  },
  { permission: "payment.pay" },
);
