import type { Db } from "@/lib/platform/db";
import { confirmPaymentCallback, signCallbackBody, type TCallbackSender, callbackHttpStatus } from "@/lib/cases/payments";
import { isDomainError } from "@/lib/platform/core";
import { createApplication, createOrganisation, createService, createSubject, createUser } from "./index";

/** A DRAFT application of `serviceCode` (variant ISSUE) with its applicant, ready to pay. */
export async function createPayableApplication(db: Db, o: { serviceCode?: string; status?: "DRAFT" | "SUBMITTED" | "IN_PROGRESS"; channel?: "PORTAL" | "PROVIDER" } = {}) {
  const serviceCode = o.serviceCode ?? "scrap-metal-licence";
  await createService(db, serviceCode);
  const org = await createOrganisation(db);
  const subject = await createSubject(db);
  const { actor: applicant } = await createUser(db, "APPLICANT", { subjectId: subject.id });
  const app = await createApplication(db, {
    organisationId: org.id,
    subjectId: subject.id,
    createdById: applicant.userId,
    serviceCode,
    status: o.status ?? "DRAFT",
  });
  // A walk-in draft is the office's own work (staff see portal drafts only once submitted).
  if (o.channel === "PROVIDER") await db.application.update({ where: { id: app.id }, data: { channel: "PROVIDER" } });
  return { org, subject, applicant, app };
}

export const TEST_SECRET = "integration-test-payment-secret-0123456789";

/** A callback body and its signature, as the gateway would send them. */
export function signedCallback(body: Record<string, unknown>, secret = TEST_SECRET) {
  const rawBody = JSON.stringify(body);
  return { rawBody, signature: signCallbackBody(secret, rawBody) };
}

/**
 * A sender that hands the sandbox's signed HTTP message straight to the portal's callback use case
 * (the route handler does exactly this with the request body and the X-Signature header).
 */
export function directSender(
  db: Db,
  now: () => Date,
  secret = TEST_SECRET,
): TCallbackSender & { calls: { url: string; body: string; signature: string; status: number }[] } {
  const calls: { url: string; body: string; signature: string; status: number }[] = [];
  const send = async (url: string, m: { body: string; signature: string }) => {
    let status: number;
    try {
      const r = await confirmPaymentCallback(db, { rawBody: m.body, signature: m.signature, now: now(), secret });
      status = callbackHttpStatus(r.outcome);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      status = callbackHttpStatus(e.code);
    }
    calls.push({ url, ...m, status });
    return { status };
  };
  return Object.assign(send, { calls });
}
