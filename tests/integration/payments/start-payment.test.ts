import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feeFor, mciValueOn } from "@/lib/law/catalogue";
import { createSandboxGateway, normalizePaymentCode, startPayment } from "@/lib/cases/payments";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createUser } from "../../factories";
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
const gateway = () => createSandboxGateway(t.db, { pageBaseUrl: BASE, secret: TEST_SECRET, send: directSender(t.db, () => now) });

describe("startPayment", () => {
  it("computes the fee from the catalogue and MCI data, opens a PENDING payment, a gateway order and an audit row", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const r = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, locale: "ru", gateway: gateway() });

    const quote = feeFor("scrap-metal-licence", "issue", now);
    if (quote.free) throw new Error("scrap-metal licence is not free");
    expect(quote.amountKzt).toBe(10 * mciValueOn(now)); // 10 MCI × the 2026 MCI
    expect(r.amountKzt).toBe(quote.amountKzt);
    expect(r.mci).toBe(10);
    expect(normalizePaymentCode(r.paymentCode)).toBe(r.paymentCode);
    expect(r.paymentCode).toMatch(/^PAY-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(r.reused).toBe(false);

    const p = await t.db.payment.findUniqueOrThrow({ where: { id: r.paymentId } });
    expect(p).toMatchObject({ status: "PENDING", channel: "GATEWAY", amountKzt: quote.amountKzt, mciYear: 2026, paidAt: null });
    expect(Number(p.mci)).toBe(10);
    const order = await t.db.gatewayOrder.findUniqueOrThrow({ where: { id: p.gatewayOrderId! } });
    expect(order).toMatchObject({ merchantRef: r.paymentCode, amountKzt: quote.amountKzt, status: "CREATED", callbackUrl: `${BASE}/api/payments/callback` });
    expect(order.returnUrl).toBe(`${BASE}/ru/applicant/applications/${app.id}?payment=${r.paymentCode}`);
    expect(r.paymentPageUrl).toBe(`${BASE}/ru/sandbox/pay/${order.id}`);
    expect(await t.db.auditEvent.count({ where: { type: "payment.started", entityId: p.id, applicationId: app.id, actorId: applicant.userId } })).toBe(1);
  });

  it("uses the MCI of the payment's own year (data, not a constant)", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const in2025 = new Date("2025-06-01T06:00:00Z");
    const r = await startPayment(t.db, { actor: applicant, applicationId: app.id, now: in2025, baseUrl: BASE, gateway: gateway() });
    expect(r.amountKzt).toBe(10 * mciValueOn(in2025));
    expect(r.amountKzt).not.toBe(10 * mciValueOn(now));
    expect(r.paymentCode.startsWith("PAY-2025-")).toBe(true);
  });

  it("refuses a free service with payments.not_required and writes nothing", async () => {
    const { app, applicant } = await createPayableApplication(t.db, { serviceCode: "export-control-transit-permit" });
    await expect(startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway: gateway() })).rejects.toThrow(
      "payments.not_required",
    );
    expect(await t.db.payment.count({ where: { applicationId: app.id } })).toBe(0);
  });

  it("answers not found for another applicant's application", async () => {
    const { app } = await createPayableApplication(t.db);
    const { applicant: stranger } = await createPayableApplication(t.db);
    await expect(startPayment(t.db, { actor: stranger, applicationId: app.id, now, baseUrl: BASE, gateway: gateway() })).rejects.toThrow("errors.not_found");
    expect(await t.db.payment.count({ where: { applicationId: app.id } })).toBe(0);
  });

  it("refuses an application that is no longer a draft", async () => {
    const { app, applicant } = await createPayableApplication(t.db, { status: "SUBMITTED" });
    await expect(startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway: gateway() })).rejects.toThrow("payments.not_draft");
  });

  it("continues the unfinished payment instead of opening a second one, even for two clicks at once", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const gw = gateway();
    const [a, b] = await Promise.all([
      startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway: gw }),
      startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway: gw }),
    ]);
    expect(a.paymentCode).toBe(b.paymentCode);
    expect(a.paymentPageUrl).toBe(b.paymentPageUrl);
    const c = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway: gw });
    expect(c).toMatchObject({ paymentCode: a.paymentCode, reused: true, paymentPageUrl: a.paymentPageUrl });
    expect(await t.db.payment.count({ where: { applicationId: app.id } })).toBe(1);
    expect(await t.db.gatewayOrder.count({ where: { merchantRef: a.paymentCode } })).toBe(1);
  });

  it("expires an unfinished payment whose amount is no longer the fee (new MCI year)", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const old = await startPayment(t.db, { actor: applicant, applicationId: app.id, now: new Date("2025-12-20T06:00:00Z"), baseUrl: BASE, gateway: gateway() });
    const fresh = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway: gateway() });
    expect(fresh.paymentCode).not.toBe(old.paymentCode);
    expect(fresh.amountKzt).toBeGreaterThan(old.amountKzt);
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: old.paymentId } })).status).toBe("EXPIRED");
  });

  it("is for applicants only", async () => {
    const { app, org } = await createPayableApplication(t.db);
    const { actor: clerk } = await createUser(t.db, "OFFICE_CLERK", { organisationId: org.id });
    await expect(startPayment(t.db, { actor: clerk, applicationId: app.id, now, baseUrl: BASE, gateway: gateway() })).rejects.toThrow("auth.forbidden");
  });
});
