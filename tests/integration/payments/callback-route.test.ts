import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxGateway, startPayment } from "@/lib/cases/payments";
import { createTestDb, type TestDb } from "../../support/test-db";
import { createPayableApplication, signedCallback, TEST_SECRET } from "../../factories/payments";

// The route handler itself, over HTTP-shaped Request objects: raw body, X-Signature header, status codes.
let t: TestDb;
let POST: (req: Request) => Promise<Response>;
const saved = { url: process.env.DATABASE_URL, secret: process.env.PAYMENT_GATEWAY_SECRET };
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  process.env.PAYMENT_GATEWAY_SECRET = TEST_SECRET;
  ({ POST } = await import("@/app/api/payments/callback/route"));
});
afterAll(async () => {
  const g = globalThis as { __db?: { $disconnect(): Promise<void> } };
  await g.__db?.$disconnect();
  delete g.__db;
  process.env.DATABASE_URL = saved.url;
  process.env.PAYMENT_GATEWAY_SECRET = saved.secret;
  await t.drop();
});

const BASE = "http://portal.test";
const now = new Date("2026-03-10T06:00:00Z");
const post = (rawBody: string, signature?: string) =>
  POST(
    new Request(`${BASE}/api/payments/callback`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "x-signature": signature } : {}) },
      body: rawBody,
    }),
  );

describe("POST /api/payments/callback", () => {
  it("answers 200 applied, 200 on a replay, 401 on a bad signature, 422 on an unusable body, 413 on a huge one", async () => {
    const { app, applicant } = await createPayableApplication(t.db);
    const gateway = createSandboxGateway(t.db, { pageBaseUrl: BASE, secret: TEST_SECRET });
    const s = await startPayment(t.db, { actor: applicant, applicationId: app.id, now, baseUrl: BASE, gateway });
    const p = await t.db.payment.findUniqueOrThrow({ where: { id: s.paymentId } });
    const body = {
      eventId: `evt-${p.id}`,
      orderId: p.gatewayOrderId,
      merchantRef: p.paymentCode,
      status: "PAID",
      amountKzt: p.amountKzt,
      paidAt: "2026-03-10T11:05:00+05:00",
    };

    const bad = signedCallback(body, "wrong-secret");
    const r401 = await post(bad.rawBody, bad.signature);
    expect(r401.status).toBe(401);
    expect((await r401.json()).error).toMatchObject({ code: "payments.bad_signature" });
    expect((await post(bad.rawBody)).status).toBe(401);

    const invalid = signedCallback({ ...body, amountKzt: "lots" });
    expect((await post(invalid.rawBody, invalid.signature)).status).toBe(422);
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("PENDING");

    const good = signedCallback(body);
    const r200 = await post(good.rawBody, good.signature);
    expect(r200.status).toBe(200);
    expect(await r200.json()).toEqual({ outcome: "applied", paymentCode: p.paymentCode, status: "PAID" });
    const replay = await post(good.rawBody, good.signature);
    expect(replay.status).toBe(200);
    expect((await replay.json()).outcome).toBe("duplicate");

    expect((await post("x".repeat(20_000), "00")).status).toBe(413);
    expect(await t.db.paymentCallback.count({ where: { paymentId: p.id, applied: true } })).toBe(1);
  });
});
