import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxGateway, startPayment } from "@/lib/cases/payments";
import { closeLimitsPool } from "@/lib/platform/limits";
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
  await closeLimitsPool();
  delete g.__db;
  process.env.DATABASE_URL = saved.url;
  process.env.PAYMENT_GATEWAY_SECRET = saved.secret;
  await t.drop();
});

const BASE = "http://portal.test";
const now = new Date("2026-03-10T06:00:00Z");
const post = (rawBody: string, signature?: string, ip = "192.0.2.10") =>
  POST(
    new Request(`${BASE}/api/payments/callback`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip, ...(signature ? { "x-signature": signature } : {}) },
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

  it("writes nothing for 70 badly signed callbacks from one address; past the limit they get 429 with Retry-After (F4)", async () => {
    const count = async () => ({ callbacks: await t.db.paymentCallback.count(), audit: await t.db.auditEvent.count() });
    const before = await count();
    const bad = signedCallback({ eventId: "evt-flood", orderId: "none", merchantRef: "none", status: "PAID", amountKzt: 1, paidAt: "2026-03-10T11:05:00+05:00" }, "wrong-secret");
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 70; i++) {
      // The spoofable part of X-Forwarded-For changes every time; the address the proxy saw does not.
      last = await post(bad.rawBody, i % 2 ? bad.signature : undefined, `10.${i}.0.1, 198.51.100.66`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual(Array(40).fill(429));
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await last!.json()).error).toMatchObject({ code: "api.rate_limited" });
    expect(await count()).toEqual(before);
    // Another address is still judged.
    expect((await post(bad.rawBody, bad.signature, "198.51.100.67")).status).toBe(401);
  });
});
