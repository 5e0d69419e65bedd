import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmPaymentCallback, createSandboxGateway, signCallbackBody, startPayment, type TOnPaid, type TPaymentCallback } from "@/lib/cases/payments";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createPayableApplication, directSender, signedCallback, TEST_SECRET } from "../../factories/payments";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const BASE = "http://portal.test";
const now = new Date("2026-03-10T06:00:00Z");
const later = new Date("2026-03-10T06:02:00Z");

/** An application with a PENDING payment and its gateway order; the callback is built by hand. */
async function pendingPayment() {
  const { app, applicant } = await createPayableApplication(t.db);
  const gateway = createSandboxGateway(t.db, { pageBaseUrl: BASE, secret: TEST_SECRET, send: directSender(t.db, () => later) });
  const started = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway });
  const payment = await t.db.payment.findUniqueOrThrow({ where: { id: started.paymentId } });
  const callback = (over: Partial<TPaymentCallback> = {}): TPaymentCallback => ({
    eventId: `evt-${payment.id}-${over.status ?? "PAID"}`,
    orderId: payment.gatewayOrderId!,
    merchantRef: payment.paymentCode,
    status: "PAID",
    amountKzt: payment.amountKzt,
    paidAt: "2026-03-10T11:01:30+05:00",
    ...over,
  });
  return { app, applicant, payment, callback, gateway };
}

const confirm = (body: Record<string, unknown>, secret = TEST_SECRET) =>
  confirmPaymentCallback(t.db, { ...signedCallback(body, secret), now: later, secret: TEST_SECRET });

describe("confirmPaymentCallback", () => {
  it("marks the payment PAID on a correctly signed PAID callback, with paidAt, the callback record and an audit row", async () => {
    const { payment, callback, app } = await pendingPayment();
    const r = await confirm(callback());
    expect(r).toMatchObject({ outcome: "applied", paymentId: payment.id, paymentStatus: "PAID" });
    const after = await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(after.status).toBe("PAID");
    expect(after.paidAt?.toISOString()).toBe("2026-03-10T06:01:30.000Z");
    expect(await t.db.paymentCallback.findMany({ where: { paymentId: payment.id }, select: { signatureValid: true, applied: true } })).toEqual([
      { signatureValid: true, applied: true },
    ]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: "payment.paid", entityId: payment.id } });
    expect(audit).toMatchObject({ applicationId: app.id, actorRole: "SYSTEM:payment-gateway" });
    expect(audit.at.getTime()).toBe(later.getTime());
  });

  it("runs the onPaid hook once, inside the transaction: if it fails, nothing is recorded and a retry applies", async () => {
    const { payment, callback, app } = await pendingPayment();
    const signed = signedCallback(callback());
    const failing = async () => {
      throw new Error("workflow unavailable");
    };
    await expect(confirmPaymentCallback(t.db, { ...signed, now: later, secret: TEST_SECRET, onPaid: failing })).rejects.toThrow("workflow unavailable");
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
    expect(await t.db.paymentCallback.count({ where: { paymentId: payment.id } })).toBe(0);

    const seen: unknown[] = [];
    const onPaid: TOnPaid = async (tx, e) => {
      // Sees the PAID row through the transaction it is given.
      expect((await tx.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PAID");
      seen.push(e);
    };
    await confirmPaymentCallback(t.db, { ...signed, now: later, secret: TEST_SECRET, onPaid });
    await confirmPaymentCallback(t.db, { ...signed, now: later, secret: TEST_SECRET, onPaid }); // replay: no second call
    expect(seen).toEqual([
      {
        applicationId: app.id,
        paymentId: payment.id,
        paymentCode: payment.paymentCode,
        amountKzt: payment.amountKzt,
        paidAt: new Date("2026-03-10T06:01:30Z"),
        channel: "GATEWAY",
        at: later,
      },
    ]);
  });

  it("rejects a bad signature: nothing changes and nothing is written (anyone can send these; issue 13 F4)", async () => {
    const { payment, callback } = await pendingPayment();
    const before = { callbacks: await t.db.paymentCallback.count(), audit: await t.db.auditEvent.count() };
    await expect(confirm(callback(), "not-the-gateway-secret")).rejects.toThrow("payments.bad_signature");
    // A body altered after signing is just as bad.
    const good = signedCallback(callback());
    const tampered = good.rawBody.replace(`"amountKzt":${payment.amountKzt}`, `"amountKzt":${payment.amountKzt - 1}`);
    await expect(confirmPaymentCallback(t.db, { rawBody: tampered, signature: good.signature, now: later, secret: TEST_SECRET })).rejects.toThrow(
      "payments.bad_signature",
    );
    await expect(confirmPaymentCallback(t.db, { rawBody: good.rawBody, signature: null, now: later, secret: TEST_SECRET })).rejects.toThrow(
      "payments.bad_signature",
    );

    expect((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
    expect({ callbacks: await t.db.paymentCallback.count(), audit: await t.db.auditEvent.count() }).toEqual(before);
  });

  it("records a replayed event without applying it again", async () => {
    const { payment, callback } = await pendingPayment();
    const first = signedCallback(callback());
    expect((await confirmPaymentCallback(t.db, { ...first, now: later, secret: TEST_SECRET })).outcome).toBe("applied");
    const paidAt = (await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).paidAt;

    const again = await confirmPaymentCallback(t.db, { ...first, now: new Date(later.getTime() + 60_000), secret: TEST_SECRET });
    expect(again).toMatchObject({ outcome: "duplicate", paymentStatus: "PAID" });
    // A second PAID under another event id for an already PAID payment changes nothing either.
    const other = await confirm(callback({ eventId: "evt-other", paidAt: "2026-03-10T12:00:00+05:00" }));
    expect(other.outcome).toBe("duplicate");

    const after = await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(after.paidAt).toEqual(paidAt);
    const rows = await t.db.paymentCallback.findMany({ where: { paymentId: payment.id }, orderBy: { receivedAt: "asc" } });
    expect(rows.map((r) => r.applied)).toEqual([true, false, false]);
    expect(await t.db.auditEvent.count({ where: { type: "payment.paid", entityId: payment.id } })).toBe(1);
  });

  it("applies exactly one of two concurrent PAID callbacks", async () => {
    for (const sameEvent of [true, false]) {
      const { payment, callback } = await pendingPayment();
      const results = await Promise.all([
        confirm(callback({ eventId: "evt-a" + payment.id })),
        confirm(callback({ eventId: sameEvent ? "evt-a" + payment.id : "evt-b" + payment.id })),
      ]);
      expect(results.map((r) => r.outcome).sort()).toEqual(["applied", "duplicate"]);
      expect(await t.db.paymentCallback.count({ where: { paymentId: payment.id, applied: true } })).toBe(1);
      expect(await t.db.paymentCallback.count({ where: { paymentId: payment.id } })).toBe(2);
      expect(await t.db.auditEvent.count({ where: { type: "payment.paid", entityId: payment.id } })).toBe(1);
    }
  });

  it("refuses an amount that is not the payment's amount", async () => {
    const { payment, callback } = await pendingPayment();
    await expect(confirm(callback({ amountKzt: payment.amountKzt - 100 }))).rejects.toThrow("payments.amount_mismatch");
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
    expect(await t.db.paymentCallback.findMany({ where: { paymentId: payment.id }, select: { signatureValid: true, applied: true } })).toEqual([
      { signatureValid: true, applied: false },
    ]);
  });

  it("declined: the payment becomes DECLINED and the applicant can pay again with a new payment", async () => {
    const { payment, callback, app, applicant, gateway } = await pendingPayment();
    expect((await confirm(callback({ status: "DECLINED", paidAt: null }))).paymentStatus).toBe("DECLINED");
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "DECLINED", paidAt: null });
    expect(await t.db.auditEvent.count({ where: { type: "payment.declined", entityId: payment.id } })).toBe(1);

    const retry = await startPayment(t.db, { actor: applicant, applicationId: app.id, now: later, baseUrl: BASE, gateway });
    expect(retry.reused).toBe(false);
    expect(retry.paymentCode).not.toBe(payment.paymentCode);
    expect(await t.db.payment.count({ where: { applicationId: app.id } })).toBe(2);
  });

  it("time-out: the payment becomes EXPIRED", async () => {
    const { payment, callback } = await pendingPayment();
    await confirm(callback({ status: "TIMEOUT", paidAt: null }));
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("EXPIRED");
  });

  it("rejects a signed but malformed body and an unknown order, recording both", async () => {
    const { payment, callback } = await pendingPayment();
    await expect(confirm({ ...callback(), status: "MAYBE" })).rejects.toThrow("payments.invalid_callback");
    await expect(confirm(callback({ paidAt: null }))).rejects.toThrow("payments.invalid_callback"); // PAID needs paidAt
    const raw = "not json";
    await expect(
      confirmPaymentCallback(t.db, { rawBody: raw, signature: signCallbackBody(TEST_SECRET, raw), now: later, secret: TEST_SECRET }),
    ).rejects.toThrow("payments.invalid_callback");
    await expect(confirm(callback({ orderId: "00000000-0000-4000-8000-000000000000", eventId: "evt-unknown" }))).rejects.toThrow("payments.unknown_payment");
    await expect(confirm(callback({ merchantRef: "PAY-2026-0000-0000", eventId: "evt-wrong-ref" }))).rejects.toThrow("payments.unknown_payment");
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
    expect(
      await t.db.paymentCallback.count({
        where: { signatureValid: true, applied: false, eventId: { in: [callback().eventId, "", "evt-unknown", "evt-wrong-ref"] } },
      }),
    ).toBe(5);
  });
});
