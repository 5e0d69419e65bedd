import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeIdempotencyRecords } from "@/lib/integration/api";
import type { TestDb } from "../../support/test-db";
import { uniqueIin } from "../../factories";
import { createApiApplicant, createPaidPayment } from "../../factories/api";
import { pdfBytes } from "../../factories/documents";
import { apiTestEnvironment, type ApiTestEnvironment } from "./environment";
import { ApiClient, fetchDocument, loadRoutes, scrapMetalIssueForm } from "./harness";
import { keyPool, legalEntityEds } from "./eds";

// Monday 30 November 2026, 10:00 in Almaty.
const NOW = new Date("2026-11-30T05:00:00Z");
let clock = NOW;
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let env: ApiTestEnvironment;
let t: TestDb;
let api: ApiClient;
let applicant: Awaited<ReturnType<typeof createApiApplicant>>;
let eds: Awaited<ReturnType<typeof legalEntityEds>>;

beforeAll(async () => {
  env = await apiTestEnvironment({ now: () => clock, limit: 10_000 });
  t = env.t;
  applicant = await createApiApplicant(t.db, NOW);
  eds = await legalEntityEds(t.db, { bin: applicant.subject.identifier, iin: uniqueIin(), now: NOW, keys: keyPool() });
  const routes = await loadRoutes();
  api = new ApiClient(await fetchDocument(routes), routes, applicant.token);
});
afterAll(async () => {
  await env?.close();
});

const CREATE = { serviceCode: "scrap-metal-licence", variant: "issue", organisationCode: "aktobe" };
const key = () => crypto.randomUUID();

/** A draft ready to submit (form, both files, paid) and the CMS over its signing request. */
async function readyDraft(): Promise<{ id: string; cms: string }> {
  const created = await api.call("createApplication", { json: CREATE });
  const id = created.body.id as string;
  const service = await api.call("getService", { params: { serviceCode: "scrap-metal-licence" }, token: null });
  const formData = scrapMetalIssueForm(service);
  expect((await api.call("saveDraft", { params: { id }, json: { expectedVersion: 0, formData } })).status).toBe(200);
  for (const slotKey of ["charter_scan", "qualification_documents"]) {
    const form = new FormData();
    form.set("slotKey", slotKey);
    form.set("file", new File([pdfBytes(slotKey) as BlobPart], `${slotKey}.pdf`, { type: "application/pdf" }));
    expect((await api.call("uploadDocument", { params: { id }, form })).status).toBe(201);
  }
  await createPaidPayment(t.db, id, clock);
  const signing = await api.call("getSigningRequest", { params: { id } });
  expect(signing.body.readiness).toMatchObject({ ready: true });
  const cms = Buffer.from(eds.sign(new Uint8Array(Buffer.from(signing.body.contentBase64 as string, "base64")), clock)).toString("base64");
  return { id, cms };
}

describe("Idempotency-Key on POST /api/v1", () => {
  it("is documented on every changing POST", () => {
    for (const op of ["createApplication", "uploadDocument", "startPayment", "submitApplication", "withdrawApplication"]) {
      const { op: o } = api.find(op);
      expect(JSON.stringify(o.parameters), op).toContain("#/components/parameters/Idempotency-Key");
      expect(Object.keys(o.responses), op).toEqual(expect.arrayContaining(["409", "422"]));
    }
    expect(JSON.stringify(api.find("verifyFile").op.parameters ?? [])).not.toContain("Idempotency-Key");
  });

  it("replays the first answer of create: the same draft, no second one", async () => {
    clock = later(1);
    const k = key();
    const drafts = () => t.db.application.count({ where: { subjectId: applicant.subject.id } });
    const before = await drafts();
    const first = await api.call("createApplication", { json: CREATE, headers: { "Idempotency-Key": k } });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await api.call("createApplication", { json: CREATE, headers: { "Idempotency-Key": k } });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await drafts()).toBe(before + 1);
  });

  it("refuses the same key with another body (422 api.idempotency_mismatch) and runs nothing", async () => {
    clock = later(2);
    const k = key();
    const drafts = () => t.db.application.count({ where: { subjectId: applicant.subject.id } });
    expect((await api.call("createApplication", { json: CREATE, headers: { "Idempotency-Key": k } })).status).toBe(201);
    const after = await drafts();
    const other = await api.call("createApplication", { json: { ...CREATE, organisationCode: "almaty-city" }, headers: { "Idempotency-Key": k } });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: "api.idempotency_mismatch" });
    expect(await drafts()).toBe(after);
    // The same key on another operation is another request, too.
    const elsewhere = await api.call("withdrawApplication", { params: { id: crypto.randomUUID() }, json: {}, headers: { "Idempotency-Key": k } });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error).toMatchObject({ code: "api.idempotency_mismatch" });
  });

  it("submits once: a retry after a lost answer gets 201 with the same registration number, not 409", async () => {
    clock = later(3);
    const { id, cms } = await readyDraft();
    const k = key();
    const first = await api.call("submitApplication", { params: { id }, json: { cms }, headers: { "Idempotency-Key": k } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.registrationNumber).toMatch(/^EL-2026-\d{7}$/);
    clock = later(4);
    const retry = await api.call("submitApplication", { params: { id }, json: { cms }, headers: { "Idempotency-Key": k } });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    // Without the key the same request is a second submission: the conflict integrators used to get.
    const bare = await api.call("submitApplication", { params: { id }, json: { cms } });
    expect(bare.status).toBe(409);
    expect(await t.db.applicationStep.count({ where: { applicationId: id } })).toBeGreaterThan(0);
  });

  it("runs concurrent requests with one key exactly once; all get the same 201", async () => {
    clock = later(5);
    const { id, cms } = await readyDraft();
    const k = key();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api.call("submitApplication", { params: { id }, json: { cms }, headers: { "Idempotency-Key": k } })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.registrationNumber)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(4);
    const app = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(app.registrationNumber).toBe(answers[0]!.body.registrationNumber);
    const audits = await t.db.auditEvent.count({ where: { applicationId: id, type: { contains: "submit" } } });
    expect(audits).toBeLessThanOrEqual(1);
    // Different keys for one draft: the workflow still lets exactly one through.
    const { id: id2, cms: cms2 } = await readyDraft();
    const racing = await Promise.all([key(), key(), key()].map((kk) => api.call("submitApplication", { params: { id: id2 }, json: { cms: cms2 }, headers: { "Idempotency-Key": kk } })));
    expect(racing.filter((a) => a.status === 201)).toHaveLength(1);
  });

  it("stores refusals too (a refused signature stays refused and audited), but rolls back 5xx", async () => {
    clock = later(6);
    const { id } = await readyDraft();
    const wrongCms = Buffer.from(eds.sign(new Uint8Array(Buffer.from("something else")), clock)).toString("base64");
    const k = key();
    const refused = await api.call("submitApplication", { params: { id }, json: { cms: wrongCms }, headers: { "Idempotency-Key": k } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "pki.status.content_mismatch" });
    const replay = await api.call("submitApplication", { params: { id }, json: { cms: wrongCms }, headers: { "Idempotency-Key": k } });
    expect(replay.status).toBe(422);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    // The refusal's audit entry was committed with the stored answer, once.
    expect(await t.db.auditEvent.count({ where: { applicationId: id, type: "signature.rejected" } })).toBe(1);
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("rejects a malformed key with 400 and purges answers older than 24 hours", async () => {
    const bad = await api.call("createApplication", { json: CREATE, headers: { "Idempotency-Key": "with space" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "api.idempotency_key_invalid" });
    const before = await t.db.idempotencyRecord.count();
    expect(before).toBeGreaterThan(0);
    expect((await purgeIdempotencyRecords(t.db, { now: later(60) })).deleted).toBe(0);
    expect((await purgeIdempotencyRecords(t.db, { now: new Date(NOW.getTime() + 25 * 3600_000) })).deleted).toBe(before);
  });

  it("takes over an expired key as a new request", async () => {
    clock = later(10);
    const k = key();
    const a = await api.call("createApplication", { json: CREATE, headers: { "Idempotency-Key": k } });
    clock = new Date(clock.getTime() + 25 * 3600_000);
    const b = await api.call("createApplication", { json: { ...CREATE }, headers: { "Idempotency-Key": k } });
    expect(b.status).toBe(201);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    expect(b.body.id).not.toBe(a.body.id);
  });
});
