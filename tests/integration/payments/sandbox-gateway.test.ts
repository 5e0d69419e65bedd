import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxGateway, requirePaid, startPayment, verifyCallbackSignature, ZPaymentCallback, ZSandboxCardInput } from "@/lib/cases/payments";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createPayableApplication, directSender, TEST_SECRET } from "../../factories/payments";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const BASE = "http://portal.test";
const now = new Date("2026-03-10T06:00:00Z");
const atGateway = new Date("2026-03-10T06:01:00Z");

const card = (orderId: string, cardNumber: string, expiry = "12/29") =>
  ZSandboxCardInput.parse({ orderId, cardNumber, expiry, cvc: "123", holder: "AIGERIM NURSULTANOVA" });
const orderIdOf = (paymentPageUrl: string) => paymentPageUrl.split("/").at(-1)!;

/** The sandbox wired to the portal's callback use case through the signed message it would POST. */
function wiredSandbox() {
  const sender = directSender(t.db, () => atGateway);
  return { sender, gateway: createSandboxGateway(t.db, { pageBaseUrl: BASE, secret: TEST_SECRET, send: sender }) };
}

describe("sandbox payment gateway, end to end", () => {
  it("success card: the signed callback reaches the portal and the application is paid", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const { gateway, sender } = wiredSandbox();
    const started = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway, locale: "en" });
    const orderId = orderIdOf(started.paymentPageUrl);
    const shown = await gateway.getOrder(orderId);
    expect(shown).toMatchObject({ merchantRef: started.paymentCode, amountKzt: started.amountKzt, status: "CREATED" });

    const r = await gateway.payWithCard(card(orderId, "4405 6450 0000 6150"), atGateway);
    expect(r.order.status).toBe("PAID");
    expect(r.delivery).toEqual({ delivered: true, httpStatus: 200 });
    expect(r.order.returnUrl).toBe(`${BASE}/en/applicant/applications/${app.id}?payment=${started.paymentCode}`);

    // What went over the wire: the documented contract, signed over the raw body.
    expect(sender.calls).toHaveLength(1);
    const call = sender.calls[0]!;
    expect(call.url).toBe(`${BASE}/api/payments/callback`);
    expect(verifyCallbackSignature(TEST_SECRET, call.body, call.signature)).toBe(true);
    expect(ZPaymentCallback.parse(JSON.parse(call.body))).toMatchObject({
      orderId,
      merchantRef: started.paymentCode,
      status: "PAID",
      amountKzt: started.amountKzt,
      paidAt: atGateway.toISOString(),
    });

    expect(await t.db.payment.findUniqueOrThrow({ where: { id: started.paymentId } })).toMatchObject({ status: "PAID", paidAt: atGateway });
    await expect(requirePaid(t.db, app.id)).resolves.toBeUndefined();
    expect((await gateway.getOrderStatus(orderId))?.status).toBe("PAID");

    // Paying the same order twice is impossible; sending the notification again changes nothing.
    await expect(gateway.payWithCard(card(orderId, "4405645000006150"), atGateway)).rejects.toThrow("payments.sandbox.order_closed");
    expect((await gateway.redeliverCallback(orderId)).delivery).toEqual({ delivered: true, httpStatus: 200 });
    expect(await t.db.paymentCallback.count({ where: { paymentId: started.paymentId, applied: true } })).toBe(1);
  });

  it("declined card: the payment is DECLINED and a retry opens a new payment and a new order", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const { gateway } = wiredSandbox();
    const first = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway });
    const r = await gateway.payWithCard(card(orderIdOf(first.paymentPageUrl), "4000000000000002"), atGateway);
    expect(r.order.status).toBe("DECLINED");
    expect(r.delivery.delivered).toBe(true);
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: first.paymentId } })).status).toBe("DECLINED");
    await expect(requirePaid(t.db, app.id)).rejects.toThrow("payments.not_paid");

    const retry = await startPayment(t.db, { actor: applicant, applicationId: app.id, now: atGateway, baseUrl: BASE, gateway });
    expect(retry.paymentCode).not.toBe(first.paymentCode);
    expect(retry.paymentPageUrl).not.toBe(first.paymentPageUrl);
    await gateway.payWithCard(card(orderIdOf(retry.paymentPageUrl), "4405645000006150"), atGateway);
    await expect(requirePaid(t.db, app.id)).resolves.toBeUndefined();
  });

  it("time-out card: the payment is EXPIRED", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const { gateway } = wiredSandbox();
    const s = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway });
    expect((await gateway.payWithCard(card(orderIdOf(s.paymentPageUrl), "4000 0000 0000 0119"), atGateway)).order.status).toBe("TIMEOUT");
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: s.paymentId } })).status).toBe("EXPIRED");
  });

  it("refuses cards that are not test cards, expired cards and malformed input, leaving the order open", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const { gateway, sender } = wiredSandbox();
    const s = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway });
    const orderId = orderIdOf(s.paymentPageUrl);
    await expect(gateway.payWithCard(card(orderId, "4111111111111111"), atGateway)).rejects.toThrow("payments.sandbox.unknown_test_card");
    await expect(gateway.payWithCard(card(orderId, "4405645000006150", "02/26"), atGateway)).rejects.toThrow("payments.sandbox.card_expired");
    expect(ZSandboxCardInput.safeParse({ orderId, cardNumber: "4405645000006151", expiry: "12/29", cvc: "123", holder: "A B" }).success).toBe(false);
    expect((await gateway.getOrder(orderId))?.status).toBe("CREATED");
    expect(sender.calls).toHaveLength(0);
  });

  it("a lost callback: the outcome stays at the gateway, the portal catches up on redelivery or on the next Pay click", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const down = createSandboxGateway(t.db, {
      pageBaseUrl: BASE,
      secret: TEST_SECRET,
      send: async () => {
        throw new Error("ECONNREFUSED");
      },
    });
    const s = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway: down });
    const orderId = orderIdOf(s.paymentPageUrl);
    expect((await down.payWithCard(card(orderId, "4405645000006150"), atGateway)).delivery).toEqual({ delivered: false, httpStatus: null });
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: s.paymentId } })).status).toBe("PENDING");
    // The applicant clicks Pay again: the gateway already took the money, so no second payment.
    await expect(startPayment(t.db, { actor: applicant, applicationId: app.id, now: atGateway, baseUrl: BASE, gateway: down })).rejects.toThrow(
      "payments.awaiting_confirmation",
    );
    const { gateway: up } = wiredSandbox();
    expect((await up.redeliverCallback(orderId)).delivery.delivered).toBe(true);
    await expect(requirePaid(t.db, app.id)).resolves.toBeUndefined();
  });

  it("a lost DECLINED callback does not block a retry", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const down = createSandboxGateway(t.db, { pageBaseUrl: BASE, secret: TEST_SECRET, send: async () => ({ status: 503 }) });
    const s = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway: down });
    expect((await down.payWithCard(card(orderIdOf(s.paymentPageUrl), "4000000000000002"), atGateway)).delivery).toEqual({ delivered: false, httpStatus: 503 });
    const retry = await startPayment(t.db, { actor: applicant, applicationId: app.id, now: atGateway, baseUrl: BASE, gateway: down });
    expect(retry.paymentCode).not.toBe(s.paymentCode);
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: s.paymentId } })).status).toBe("DECLINED");
  });
});
