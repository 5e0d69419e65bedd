import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feeFor } from "@/lib/law/catalogue";
import {
  confirmPaymentCallback,
  createSandboxGateway,
  getPaymentOverview,
  getReceipt,
  isApplicationPaid,
  recordPaperReceipt,
  requirePaid,
  startPayment,
} from "@/lib/cases/payments";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createOrganisation, createUser } from "../../factories";
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
const fee = (() => {
  const q = feeFor("scrap-metal-licence", "issue", now);
  if (q.free) throw new Error("not free");
  return q;
})();

async function payOnline(app: { id: string }, applicant: Parameters<typeof startPayment>[1]["actor"]) {
  const gateway = createSandboxGateway(t.db, { pageBaseUrl: BASE, secret: TEST_SECRET, send: directSender(t.db, () => later) });
  const r = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway });
  const p = await t.db.payment.findUniqueOrThrow({ where: { id: r.paymentId } });
  await confirmPaymentCallback(t.db, {
    ...signedCallback({
      eventId: `evt-${p.id}`,
      orderId: p.gatewayOrderId,
      merchantRef: p.paymentCode,
      status: "PAID",
      amountKzt: p.amountKzt,
      paidAt: later.toISOString(),
    }),
    now: later,
    secret: TEST_SECRET,
  });
  return p.paymentCode;
}

describe("requirePaid / isApplicationPaid", () => {
  it("refuses with the regulation's no-payment code until the fee is paid, then passes", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    expect(await isApplicationPaid(t.db, app.id)).toBe(false);
    await expect(requirePaid(t.db, app.id)).rejects.toThrow("payments.not_paid");
    await payOnline(app, applicant);
    expect(await isApplicationPaid(t.db, app.id)).toBe(true);
    await expect(requirePaid(t.db, app.id)).resolves.toBeUndefined();
  });

  it("an unconfirmed (PENDING) payment is not a payment", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const gateway = createSandboxGateway(t.db, { pageBaseUrl: BASE, secret: TEST_SECRET });
    await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway });
    await expect(requirePaid(t.db, app.id)).rejects.toThrow("payments.not_paid");
  });

  it("a free service needs no payment", async () => {
    const { app } = await createPayableApplication(t.db, { serviceCode: "export-control-transit-permit" });
    expect(await isApplicationPaid(t.db, app.id)).toBe(true);
  });
});

describe("getPaymentOverview", () => {
  it("shows the fee in tenge and MCI before paying, and the paid payment afterwards; scoped to the owner", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const before = await getPaymentOverview(t.db, { actor: applicant, applicationId: app.id, now });
    expect(before).toMatchObject({
      required: true,
      paid: false,
      canPay: true,
      current: null,
      fee: { amountKzt: fee.amountKzt, mci: 10, mciValue: fee.mciValue },
    });
    const code = await payOnline(app, applicant);
    const after = await getPaymentOverview(t.db, { actor: applicant, applicationId: app.id, now: later });
    expect(after).toMatchObject({
      paid: true,
      canPay: false,
      current: { paymentCode: code, status: "PAID", amountKzt: fee.amountKzt, mci: 10, channel: "GATEWAY" },
    });
    const { applicant: stranger } = await createPayableApplication(t.db);
    await expect(getPaymentOverview(t.db, { actor: stranger, applicationId: app.id, now })).rejects.toThrow("errors.not_found");
  });
});

describe("getReceipt (public check)", () => {
  it("returns status, amount, service and provider with the applicant's name masked; tolerates typing", async () => {
    const { app, applicant, subject, org } = await createPayableApplication(t.db);
    const code = await payOnline(app, applicant);
    const r = await getReceipt(t.db, code.toLowerCase().replace(/-/g, " "));
    expect(r).toMatchObject({
      paymentCode: code,
      status: "PAID",
      amountKzt: fee.amountKzt,
      mci: 10,
      serviceCode: "scrap-metal-licence",
      variant: "issue",
      provider: { ru: org.nameRu },
      channel: "GATEWAY",
    });
    expect(r!.paidAt?.getTime()).toBe(later.getTime());
    expect(r!.applicantMasked).not.toContain(subject.identifier);
    expect(r!.applicantMasked).toMatch(/^Т\*\*\* \d\*\*\*$/); // "ТОО <BIN>" → "Т*** 1***"
    expect(JSON.stringify(r)).not.toContain(subject.identifier);
  });

  it("returns null for an unknown code and for a code with a wrong check character", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const code = await payOnline(app, applicant);
    const last = code.at(-1)!;
    const wrong = code.slice(0, -1) + (last === "0" ? "1" : "0");
    expect(await getReceipt(t.db, wrong)).toBeNull();
    expect(await getReceipt(t.db, "PAY-2026-ZZZZ-ZZZZ")).toBeNull();
  });
});

describe("recordPaperReceipt (walk-in intake)", () => {
  it("the office clerk records a bank receipt of the right amount: the application counts as paid", async () => {
    const { app, org } = await createPayableApplication(t.db, { channel: "PROVIDER" });
    const { actor: clerk } = await createUser(t.db, "OFFICE_CLERK", { organisationId: org.id });
    const paidAt = new Date("2026-03-09T05:00:00Z");
    const r = await recordPaperReceipt(t.db, { actor: clerk, applicationId: app.id, receiptNumber: "KZ-BANK-000123", amountKzt: fee.amountKzt, paidAt, now });
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: r.paymentId } })).toMatchObject({
      status: "PAID",
      channel: "RECEIPT",
      receiptNumber: "KZ-BANK-000123",
      paidAt,
      amountKzt: fee.amountKzt,
    });
    await expect(requirePaid(t.db, app.id)).resolves.toBeUndefined();
    expect(await t.db.auditEvent.count({ where: { type: "payment.receipt_recorded", entityId: r.paymentId, actorId: clerk.userId } })).toBe(1);
    // The same paper receipt cannot pay for another application.
    const other = await createPayableApplication(t.db, { channel: "PROVIDER" });
    const { actor: clerk2 } = await createUser(t.db, "OFFICE_CLERK", { organisationId: other.org.id });
    await expect(
      recordPaperReceipt(t.db, { actor: clerk2, applicationId: other.app.id, receiptNumber: "KZ-BANK-000123", amountKzt: fee.amountKzt, paidAt, now }),
    ).rejects.toThrow("payments.receipt_already_used");
  });

  it("refuses a wrong amount, a future date, another organisation's application and a non-clerk", async () => {
    const { app, org, applicant } = await createPayableApplication(t.db, { channel: "PROVIDER" });
    const { actor: clerk } = await createUser(t.db, "OFFICE_CLERK", { organisationId: org.id });
    const base = { applicationId: app.id, receiptNumber: "R-1", amountKzt: fee.amountKzt, paidAt: new Date("2026-03-09T05:00:00Z"), now };
    await expect(recordPaperReceipt(t.db, { ...base, actor: clerk, amountKzt: fee.amountKzt - 1 })).rejects.toThrow("payments.amount_mismatch");
    await expect(recordPaperReceipt(t.db, { ...base, actor: clerk, paidAt: new Date(now.getTime() + 3_600_000) })).rejects.toThrow(
      "payments.receipt_in_future",
    );
    const otherOrg = await createOrganisation(t.db);
    const { actor: foreignClerk } = await createUser(t.db, "OFFICE_CLERK", { organisationId: otherOrg.id });
    await expect(recordPaperReceipt(t.db, { ...base, actor: foreignClerk })).rejects.toThrow("errors.not_found");
    await expect(recordPaperReceipt(t.db, { ...base, actor: applicant })).rejects.toThrow("auth.forbidden");
    expect(await t.db.payment.count({ where: { applicationId: app.id } })).toBe(0);
  });
});
