import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setApiRuntimeForTests } from "@/app/api/v1/_lib/runtime";
import { revokeApiToken } from "@/lib/integration/api-tokens";
import type { UserActor } from "@/lib/platform/auth";
import type { TestDb } from "../../support/test-db";
import { createUser } from "../../factories";
import { createApiApplicant } from "../../factories/api";
import { apiTestEnvironment, type ApiTestEnvironment } from "./environment";
import { ApiClient, fetchDocument, loadRoutes } from "./harness";

const NOW = new Date("2026-11-30T05:00:00Z");
let clock = NOW;
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

let env: ApiTestEnvironment;
let t: TestDb;
let api: ApiClient;
let alice: Awaited<ReturnType<typeof createApiApplicant>>;
let bob: Awaited<ReturnType<typeof createApiApplicant>>;
let session: UserActor | null = null;

const draft = { serviceCode: "scrap-metal-licence", variant: "issue", organisationCode: "aktobe" };

beforeAll(async () => {
  env = await apiTestEnvironment({ now: () => clock, sessionActor: async () => session });
  t = env.t;
  alice = await createApiApplicant(t.db, NOW, "alice");
  bob = await createApiApplicant(t.db, NOW, "bob");
  const routes = await loadRoutes();
  api = new ApiClient(await fetchDocument(routes), routes, alice.token);
});
afterAll(async () => {
  await env?.close();
});

describe("authentication", () => {
  it("without credentials: 401 api.unauthorized; public operations still answer", async () => {
    const r = await api.call("listApplications", { token: null });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: { code: "api.unauthorized", message: expect.stringContaining("Authorization: Bearer") } });
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect((await api.call("getCatalogue", { token: null })).status).toBe(200);
  });

  it("a malformed, unknown or revoked token is 401 api.invalid_token, also on public operations", async () => {
    for (const token of ["not-a-token", `elk_${"A".repeat(43)}`]) {
      const r = await api.call("listApplications", { token });
      expect(r.status, token).toBe(401);
      expect((r.body.error as { code: string }).code).toBe("api.invalid_token");
    }
    expect((await api.call("getCatalogue", { headers: { authorization: "Basic YTpi" }, token: null })).status).toBe(401);

    const temp = await createApiApplicant(t.db, NOW, "temporary");
    expect((await api.call("listApplications", { token: temp.token })).status).toBe(200);
    await revokeApiToken(t.db, { actor: temp.actor, tokenId: temp.apiToken.id, now: at(1) });
    const revoked = await api.call("listApplications", { token: temp.token });
    expect(revoked.status).toBe(401);
    expect((revoked.body.error as { code: string }).code).toBe("api.invalid_token");
    expect((await api.call("getCatalogue", { token: temp.token })).status).toBe(401);
  });

  it("a deactivated account's token stops working at once", async () => {
    const gone = await createApiApplicant(t.db, NOW, "gone");
    await t.db.user.update({ where: { id: gone.user.id }, data: { active: false } });
    expect((await api.call("listApplications", { token: gone.token })).status).toBe(401);
  });

  it("records lastUsedAt at most once a minute", async () => {
    const c = await createApiApplicant(t.db, NOW, "clocked");
    clock = at(10);
    await api.call("listApplications", { token: c.token });
    clock = at(50);
    await api.call("listApplications", { token: c.token });
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: c.apiToken.id } })).lastUsedAt).toEqual(at(10));
    clock = at(75);
    await api.call("listApplications", { token: c.token });
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: c.apiToken.id } })).lastUsedAt).toEqual(at(75));
    clock = NOW;
  });

  it("another applicant's application does not exist for the caller (404), for reading and for changing", async () => {
    const own = await api.call("createApplication", { json: draft });
    expect(own.status).toBe(201);
    const id = own.body.id as string;
    const asBob = api.withToken(bob.token);
    for (const [op, o] of [
      ["getApplication", {}],
      ["getPayment", {}],
      ["getSigningRequest", {}],
      ["saveDraft", { json: { expectedVersion: 0, formData: {} } }],
      ["withdrawApplication", { json: {} }],
    ] as const) {
      const r = await asBob.call(op, { params: { id }, ...o });
      expect(r.status, op).toBe(404);
      expect(r.body).toEqual({ error: { code: "errors.not_found", message: "Record not found." } });
    }
    const bobsList = await asBob.call("listApplications");
    expect((bobsList.body.items as { id: string }[]).map((a) => a.id)).not.toContain(id);
    // A malformed id names nothing either.
    expect((await api.call("getApplication", { params: { id: "not-a-uuid" } })).status).toBe(404);
  });

  it("the portal session works too; only applicants pass; changes must come from the portal's origin", async () => {
    session = alice.actor;
    const viaCookie = await api.call("listApplications", { token: null });
    expect(viaCookie.status).toBe(200);
    const foreign = await api.call("createApplication", { token: null, json: draft, headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect((foreign.body.error as { code: string }).code).toBe("api.cross_origin");
    expect((await api.call("createApplication", { token: null, json: draft, headers: { origin: "http://portal.test" } })).status).toBe(201);

    const org = await t.db.organisation.findUniqueOrThrow({ where: { code: "aktobe" } });
    session = (await createUser(t.db, "OFFICE_CLERK", { organisationId: org.id })).actor;
    const clerk = await api.call("listApplications", { token: null });
    expect(clerk.status).toBe(403);
    expect((clerk.body.error as { code: string }).code).toBe("api.applicants_only");
    session = null;
  });
});

describe("errors", () => {
  it("validation errors are 422 with fieldErrors (zod at the boundary and the use case's own)", async () => {
    const r = await api.call("createApplication", { json: { serviceCode: "scrap-metal-licence", variant: "someday" } });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({
      code: "validation.failed",
      message: "Please check the fields.",
      fieldErrors: { variant: { code: "validation.invalid_value" }, organisationCode: { code: "validation.invalid_type" } },
    });

    const id = (await api.call("createApplication", { json: draft })).body.id as string;
    const typed = await api.call("saveDraft", { params: { id }, json: { expectedVersion: 0, formData: { activityAddress: 42 } } });
    expect(typed.status).toBe(422);
    expect(typed.body.error).toMatchObject({
      code: "validation.failed",
      fieldErrors: { activityAddress: { code: "validation.invalid_type", message: "Invalid value." } },
    });

    // Issue 12 point 1: a present value must be valid; `office@` is refused, not stored.
    const email = await api.call("saveDraft", { params: { id }, json: { expectedVersion: 0, formData: { contactEmail: "office@", activityAddress: "Атырау" } } });
    expect(email.status).toBe(422);
    expect(email.body.error).toMatchObject({ code: "validation.failed", fieldErrors: { contactEmail: { code: "validation.email" } } });
    expect((await api.call("getApplication", { params: { id } })).body).not.toMatchObject({ formData: { contactEmail: "office@" } });
    const fine = await api.call("saveDraft", { params: { id }, json: { expectedVersion: 0, formData: { contactEmail: "office@example.kz", contactPhone: "" } } });
    expect(fine.status).toBe(200);
    expect(fine.body.formData).toEqual({ contactEmail: "office@example.kz" });

    const unknownService = await api.call("createApplication", { json: { ...draft, serviceCode: "no-such-service" } });
    expect(unknownService.status).toBe(422);
    expect((unknownService.body.error as { code: string }).code).toBe("catalogue.unknown_service");

    const query = await api.call("listApplications", { query: { limit: "1000" } });
    expect(query.status).toBe(422);
    expect(query.body.error).toMatchObject({ fieldErrors: { limit: { code: "validation.too_big" } } });
    expect((await api.call("listApplications", { query: { cursor: "garbage" } })).status).toBe(422);
  });

  it("malformed JSON is 400, a wrong content type 415, a too large body 413", async () => {
    const bad = await api.call("createApplication", { raw: { body: "{ nope", contentType: "application/json" } });
    expect(bad.status).toBe(400);
    expect((bad.body.error as { code: string }).code).toBe("api.invalid_json");
    const form = await api.call("createApplication", { raw: { body: "serviceCode=x", contentType: "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    const huge = await api.call("createApplication", { json: { ...draft, padding: "x".repeat(70 * 1024) } });
    expect(huge.status).toBe(413);
  });

  it("a stale PATCH is 409 and saves nothing", async () => {
    const id = (await api.call("createApplication", { json: draft })).body.id as string;
    expect((await api.call("saveDraft", { params: { id }, json: { expectedVersion: 0, formData: { activityAddress: "first tab" } } })).status).toBe(200);
    const stale = await api.call("saveDraft", { params: { id }, json: { expectedVersion: 0, formData: { activityAddress: "second tab" } } });
    expect(stale.status).toBe(409);
    expect((stale.body.error as { code: string }).code).toBe("applications.draft_conflict");
    expect((await api.call("getApplication", { params: { id } })).body).toMatchObject({ version: 1, formData: { activityAddress: "first tab" } });
  });

  it("uploads are checked: wrong content is 422, a file in a slot the service lacks is 422", async () => {
    const id = (await api.call("createApplication", { json: draft })).body.id as string;
    const upload = async (slotKey: string, bytes: string, name: string) => {
      const form = new FormData();
      form.set("slotKey", slotKey);
      form.set("file", new File([bytes], name));
      return api.call("uploadDocument", { params: { id }, form });
    };
    expect((await upload("charter_scan", "hello", "charter.pdf")).body.error).toMatchObject({ code: "documents.unsupported_type" });
    expect((await upload("no_such_slot", "%PDF-1.7\n", "x.pdf")).body.error).toMatchObject({ code: "documents.unknown_slot" });
    const missingFile = new FormData();
    missingFile.set("slotKey", "charter_scan");
    expect((await api.call("uploadDocument", { params: { id }, form: missingFile })).body.error).toMatchObject({
      code: "validation.failed",
      fieldErrors: { file: {} },
    });
  });

  it("an unexpected failure is 500 with an event id and without its message", async () => {
    const undo = setApiRuntimeForTests({
      db: () => {
        throw new Error("connection string postgres://secret@db leaked");
      },
    });
    try {
      const r = await api.call("listApplications");
      expect(r.status).toBe(500);
      expect(r.body.error).toEqual({ code: "errors.unexpected", message: expect.any(String), eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(JSON.stringify(r.body)).not.toContain("secret");
    } finally {
      undo();
    }
  });
});

describe("rate limit", () => {
  it("counts per token per minute: the next call is 429 with Retry-After, another token is unaffected, the next minute is open", async () => {
    const three = env.limits.limiter("api-three", 3);
    const undo = setApiRuntimeForTests({ rateLimiter: () => three });
    // The shared limiter counts in wall-clock time (rate-limiter-flexible reads Date.now()).
    vi.useFakeTimers({ toFake: ["Date"], now: at(120) });
    try {
      clock = at(120);
      for (let i = 0; i < 3; i++) {
        const ok = await api.call("listApplications");
        expect(ok.status).toBe(200);
        expect(ok.headers.get("ratelimit-remaining")).toBe(String(2 - i));
      }
      const limited = await api.call("listApplications");
      expect(limited.status).toBe(429);
      expect(limited.body.error).toMatchObject({ code: "api.rate_limited", retryAfterSeconds: 60 });
      expect(limited.headers.get("retry-after")).toBe("60");
      expect((await api.withToken(bob.token).call("listApplications")).status).toBe(200);
      clock = at(180);
      vi.setSystemTime(at(180));
      expect((await api.call("listApplications")).status).toBe(200);
    } finally {
      vi.useRealTimers();
      undo();
      clock = NOW;
    }
  });
});
