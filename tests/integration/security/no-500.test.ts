import fc from "fast-check";
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

describe("next-auth's endpoints (F3, F9): 4xx before next-auth sees a malformed request", () => {
  const post = async (body: BodyInit, contentType: string, path = "callback/password", headers: Record<string, string> = {}) => {
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    return POST(new Request(`${BASE}/api/auth/${path}`, { method: "POST", headers: { "content-type": contentType, ...headers }, body }), { params: Promise.resolve({ nextauth: path.split("/") }) });
  };
  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

  it("a JSON body: 415; a body over 16 KiB: 413 (declared or streamed)", async () => {
    expect((await post(JSON.stringify({ login: "admin", password: "x" }), "application/json")).status).toBe(415);
    expect((await post(form({ login: "admin", password: "x".repeat(17 * 1024) }), "application/x-www-form-urlencoded")).status).toBe(413);
    expect((await post("{}", "application/x-www-form-urlencoded", "callback/password", { "content-length": String(30 * 1024 * 1024) })).status).toBe(413);
  });

  it("NUL in a field: 422 validation.unsafe_text; a body that is not UTF-8 (a lone surrogate's bytes): 422", async () => {
    const res = await post(form({ login: "ad\u0000min", password: "x", csrfToken: "t" }), "application/x-www-form-urlencoded");
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe("validation.unsafe_text");
    const raw = new Uint8Array([...new TextEncoder().encode("login="), 0xed, 0xa0, 0x80, ...new TextEncoder().encode("&password=x")]);
    const bad = await post(raw, "application/x-www-form-urlencoded");
    expect(bad.status).toBe(422);
    expect(await errorCode(bad)).toMatch(/^validation\./);
  });

  it("a callbackUrl that is unparsable or another site's: 422, in the body or the query", async () => {
    const { GET } = await import("@/app/api/auth/[...nextauth]/route");
    for (const callbackUrl of ["http://[", "//evil.example/x", "/\\evil.example", "https://evil.example/kk", "javascript:alert(1)", "http://%zz"]) {
      const res = await post(form({ login: "a", password: "b", callbackUrl }), "application/x-www-form-urlencoded");
      expect(res.status, callbackUrl).toBe(422);
      const get = await GET(new Request(`${BASE}/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`), { params: Promise.resolve({ nextauth: ["signin"] }) });
      expect(get.status, callbackUrl).toBe(422);
    }
  });

  it("generated malformed sign-in requests (≥ 300): all 4xx", async () => {
    const unsafe = fc.tuple(fc.string({ maxLength: 10 }), fc.constant("\u0000"), fc.string({ maxLength: 10 })).map(([a, b, c]) => a + b + c);
    const badCallback = fc.oneof(fc.constantFrom("http://[", "//x", "https://evil.example"), fc.webUrl().filter((u) => !u.startsWith(BASE)));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ login: unsafe, password: fc.string() }).map((o) => ({ body: form(o), type: "application/x-www-form-urlencoded" })),
          fc.record({ login: fc.string(), password: fc.string(), callbackUrl: badCallback }).map((o) => ({ body: form(o), type: "application/x-www-form-urlencoded" })),
          fc.json().map((j) => ({ body: j, type: "application/json" })),
          fc.string({ minLength: 16 * 1024 + 1, maxLength: 17 * 1024 }).map((s) => ({ body: form({ login: s }), type: "application/x-www-form-urlencoded" })),
        ),
        fc.constantFrom("callback/password", "callback/eds", "signin/password", "signout"),
        async ({ body, type }, path) => {
          const res = await post(body, type, path);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });
});

describe("body-size limits on every route (item 8)", () => {
  it("a declared 30 MiB body is 413 before anything is read or written, on public and signed-in routes", async () => {
    const rows = await countRows(t.db);
    const challenges = await t.db.authChallenge.count();
    const big = { "content-type": "application/json", "content-length": String(30 * 1024 * 1024), origin: BASE, host: "portal.test" };
    const { POST: challenge } = await import("@/app/api/auth/eds-challenge/route");
    expect((await challenge(new Request(`${BASE}/api/auth/eds-challenge`, { method: "POST", headers: big, body: "{}" }))).status).toBe(413);
    const { POST: callback } = await import("@/app/api/payments/callback/route");
    expect((await callback(new Request(`${BASE}/api/payments/callback`, { method: "POST", headers: big, body: "{}" }))).status).toBe(413);
    env.caller = applicant.actor;
    const { POST: upload } = await import("@/app/api/applications/[id]/documents/route");
    const res = await upload(new Request(`${BASE}/api/applications/x/documents`, { method: "POST", headers: { ...big, "content-type": "multipart/form-data; boundary=x" }, body: "--x--" }), { params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }) });
    expect(res.status).toBe(413);
    expect(await t.db.authChallenge.count()).toBe(challenges);
    expect(await countRows(t.db)).toEqual(rows);
  });
});
