"use server";

import { z } from "zod";
import { getLocale } from "next-intl/server";
import { redirect } from "@/components/i18n/navigation";
import { publicAction } from "@/app/_server/action";
import { getDb } from "@/app/_server/db";
import { DomainError } from "@/lib/platform/core";
import { isDemoMode } from "@/lib/platform/demo";
import { createSandboxGateway, ZSandboxCardInput, type TSandboxPayResult } from "@/lib/cases/payments";

// The sandbox is the payment gateway's own site: the payer needs no portal session here. Its card
// pages are a demo facility: only in demo mode (issue 13, F7), else not found.
function assertDemoMode(): void {
  if (!isDemoMode(process.env)) throw new DomainError("errors.not_found");
}

async function showResult(r: TSandboxPayResult): Promise<never> {
  const query = r.delivery.delivered ? "delivery=ok" : `delivery=failed${r.delivery.httpStatus ? `&http=${r.delivery.httpStatus}` : ""}`;
  return redirect({ href: `/sandbox/pay/${r.order.orderId}?${query}`, locale: await getLocale() });
}

/** Card form: the test card decides the outcome, then the signed callback goes to the portal. */
export const sandboxPayAction = publicAction(ZSandboxCardInput, async (input, { now }) => {
  assertDemoMode();
  return showResult(await createSandboxGateway(getDb()).payWithCard(input, now));
}, { public: "the payment gateway sandbox stands in for an outside system" });

export const sandboxRedeliverAction = publicAction(z.object({ orderId: z.uuid() }), async (input) => {
  assertDemoMode();
  return showResult(await createSandboxGateway(getDb()).redeliverCallback(input.orderId));
}, { public: "the payment gateway sandbox stands in for an outside system" });
