import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/platform/auth";
import { createUser } from "../../factories";
import { createApiApplicant } from "../../factories/api";
import { createPayableApplication, signedCallback } from "../../factories/payments";
import { countRows } from "./malformed";
import { BASE, openRouteEnv, type TRouteEnv } from "./route-env";

// Issue 13 F3: the requests of the report that answered 500, one by one — each must now be a 4xx
// (422 `validation.*` for unstorable text, 400/422 for dates and cursors out of range) and change nothing.

const NOW = new Date("2026-11-30T05:00:00Z");
let env: TRouteEnv;
let t: { db: TRouteEnv["db"] };
let supervisor: UserActor;
let admin: UserActor;
let applicant: Awaited<ReturnType<typeof createApiApplicant>>;

beforeAll(async () => {
  env = await openRouteEnv({ now: () => NOW });
  t = { db: env.db };
  supervisor = (await createUser(t.db, "SUPERVISOR", { supervisorScope: "ALL" })).actor;
  admin = (await createUser(t.db, "ADMIN")).actor;
  applicant = await createApiApplicant(t.db, NOW, "no-500");
});
afterAll(async () => env?.close());

async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { error: { code: string; fieldErrors?: Record<string, { code: string }> } };
  return body.error.code;
}

describe("payment callback (unauthenticated, the gateway would retry a 500 for ever)", () => {
  it("NUL or a lone surrogate in the body, raw or escaped: 422 validation.*, nothing stored", async () => {
    const { POST } = await import("@/app/api/payments/callback/route");
    await createPayableApplication(t.db);
    const before = await t.db.paymentCallback.count();
    const base = { orderId: "x", merchantRef: "y", status: "PAID", amountKzt: 1, paidAt: null };
    for (const eventId of ["evt\u0000", "evt\ud800", "\udc00"]) {
      const { rawBody, signature } = signedCallback({ ...base, eventId });
      for (const sig of [signature, "00"]) {
        const res = await POST(new Request(`${BASE}/api/payments/callback`, { method: "POST", headers: { "content-type": "application/json", "x-signature": sig }, body: rawBody }));
        expect(res.status, JSON.stringify(eventId)).toBe(422);
        expect(await errorCode(res)).toMatch(/^validation\./);
      }
    }
    const literal = `{"eventId":"a\u0000b"}`;
    const res = await POST(new Request(`${BASE}/api/payments/callback`, { method: "POST", headers: { "content-type": "application/json", "x-signature": "00" }, body: literal }));
    expect(res.status).toBe(422);
    expect(await t.db.paymentCallback.count()).toBe(before);
  });
});

describe("drafts over /api/v1 (create and save)", () => {
  it("a NUL or lone surrogate in any string, also nested in formData: 422 validation.failed naming the field", async () => {
    const { POST } = await import("@/app/api/v1/applications/route");
    const { PATCH } = await import("@/app/api/v1/applications/[id]/route");
    env.caller = null;
    const auth = { authorization: `Bearer ${applicant.token}`, "content-type": "application/json" };
    const rows = await countRows(t.db);
    for (const serviceCode of ["scrap\u0000metal", "\ud800"]) {
      const res = await POST(new Request(`${BASE}/api/v1/applications`, { method: "POST", headers: auth, body: JSON.stringify({ serviceCode, variant: "issue", organisationCode: "aktobe" }) }), { params: Promise.resolve({}) });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; fieldErrors: Record<string, { code: string }> } };
      expect(body.error.code).toBe("validation.failed");
      expect(body.error.fieldErrors.serviceCode?.code).toBe("validation.unsafe_text");
    }
    const created = await POST(new Request(`${BASE}/api/v1/applications`, { method: "POST", headers: auth, body: JSON.stringify({ serviceCode: "scrap-metal-licence", variant: "issue", organisationCode: "aktobe" }) }), { params: Promise.resolve({}) });
    expect(created.status).toBe(201);
    const { id, version } = (await created.json()) as { id: string; version: number };
    const after = await countRows(t.db);
    for (const formData of [{ name: "a\u0000" }, { nested: { deeper: ["ok", "\udfff"] } }, { ["key\u0000"]: "v" }]) {
      const res = await PATCH(new Request(`${BASE}/api/v1/applications/${id}`, { method: "PATCH", headers: auth, body: JSON.stringify({ expectedVersion: version, formData }) }), { params: Promise.resolve({ id }) });
      expect(res.status, JSON.stringify(formData)).toBe(422);
      expect(await errorCode(res)).toBe("validation.failed");
    }
    expect(await countRows(t.db)).toEqual(after);
    expect(after.applications).toBe((rows.applications ?? 0) + 1);
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).formData).toEqual({});
  });
});

describe("supervisor exports and the audit log: queries out of range", () => {
  const queries = [
    "service=%00",
    "service=%ED%A0%80",
    "from=0001-01-01&to=9999-12-31",
    "period=custom&from=0001-01-01&to=9999-12-31",
    "from=9999-12-31",
    "to=9999-12-31",
    "after=not-a-cursor",
    "after=9999-12-31T23:59:59.999Z|99999999999999999999999",
    "after=-271821-04-19T00:00:00Z|1",
    "after=2026-01-01T00:00:00Z|zz",
    "actor=%00",
    "application=a%00b",
  ];
  const tables = ["audit", "deadline-list", "complaints", "indicators", "indicator-rows", "trend", "steps", "deadline-breakdown"];

  it.each(queries)("?%s: 4xx or a normal answer, never 5xx", async (query) => {
    const { GET } = await import("@/app/api/supervisor/export/[table]/route");
    for (const who of [supervisor, admin]) {
      env.caller = who;
      for (const table of tables) {
        const res = await GET(new Request(`${BASE}/api/supervisor/export/${table}?${query}`), { params: Promise.resolve({ table }) });
        const text = await res.text();
        expect(res.status, `${table}?${query}: ${text.slice(0, 200)}`).toBeLessThan(500);
        if (query.includes("%00")) expect(res.status).toBe(422);
      }
    }
  });
});
