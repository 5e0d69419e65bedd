import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_OPERATIONS } from "@/lib/integration/api";
import type { TestDb } from "../../support/test-db";
import { uniqueIin } from "../../factories";
import { createApiApplicant, createPaidPayment } from "../../factories/api";
import { pdfBytes } from "../../factories/documents";
import { apiTestEnvironment, type ApiTestEnvironment } from "./environment";
import { ApiClient, fetchDocument, loadRoutes, type OpenApiDocument } from "./harness";
import { keyPool, legalEntityEds } from "./eds";

// Monday 30 November 2026, 10:00 in Almaty: a working day, MCI 2026 = 4 325 ₸.
const NOW = new Date("2026-11-30T05:00:00Z");
let clock = NOW;
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let env: ApiTestEnvironment;
let t: TestDb;
let doc: OpenApiDocument;
let api: ApiClient;
let applicant: Awaited<ReturnType<typeof createApiApplicant>>;
let eds: Awaited<ReturnType<typeof legalEntityEds>>;

beforeAll(async () => {
  env = await apiTestEnvironment({ now: () => clock });
  t = env.t;
  applicant = await createApiApplicant(t.db, NOW);
  eds = await legalEntityEds(t.db, { bin: applicant.subject.identifier, iin: uniqueIin(), now: NOW, keys: keyPool() });
  const routes = await loadRoutes();
  doc = await fetchDocument(routes);
  api = new ApiClient(doc, routes, applicant.token);
});
afterAll(async () => {
  await env?.close();
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with both security schemes and every operation of the API", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes).toMatchObject({ bearerToken: { type: "http", scheme: "bearer" }, sessionCookie: { type: "apiKey", in: "cookie" } });
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
    expect(ids).toEqual(expect.arrayContaining([...Object.values(API_OPERATIONS).map((o) => o.operationId), "verifyLicence"]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every operation request and response schemas, error responses and its security", () => {
    const refs = JSON.stringify(doc).match(/#\/components\/(schemas|responses|headers)\/[A-Za-z0-9-]+/g) ?? [];
    for (const ref of new Set(refs)) {
      const [, , kind, name] = ref.split("/");
      expect((doc.components as Record<string, Record<string, unknown>>)[kind!]?.[name!], ref).toBeDefined();
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.security, where).toBeDefined();
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          expect(
            op.parameters?.some((p) => p.in === "path" && `{${p.name}}` === name && p.schema),
            `${where} ${name}`,
          ).toBe(true);
        }
        if (method === "post" || method === "patch") {
          const content = Object.values(op.requestBody?.content ?? {});
          expect(content.length, `${where} request body`).toBe(1);
          expect(content[0]!.schema.$ref, where).toMatch(/^#\/components\/schemas\//);
        }
        const statuses = Object.keys(op.responses).map(Number);
        const success = statuses.filter((s) => s < 300);
        expect(success.length, where).toBe(1);
        expect(
          statuses.some((s) => s >= 400),
          `${where} error responses`,
        ).toBe(true);
        for (const s of statuses) {
          const r = api.resolveResponse(op.responses[String(s)]!) as { content?: Record<string, { schema?: { $ref?: string } }> };
          expect(r.content?.["application/json"]?.schema?.$ref, `${where} ${s}`).toMatch(/^#\/components\/schemas\//);
        }
        if (op.security?.length) expect(statuses, `${where} needs 401`).toContain(401);
      }
    }
  });
});

describe("an application from draft to submission, through the API only", () => {
  it("creates, fills, attaches, pays, signs and submits; unpaid is 402; then follows and withdraws it", async () => {
    // The catalogue says what to send.
    const catalogue = await api.call("getCatalogue", { token: null });
    expect(catalogue.status).toBe(200);
    expect(catalogue.headers.get("cache-control")).toBe("no-store");
    const services = catalogue.body.services as {
      code: string;
      onlineAvailable: boolean;
      providers: { code: string }[];
      variants: { code: string; fee: { amountKzt: number | null } }[];
    }[];
    const scrap = services.find((s) => s.code === "scrap-metal-licence")!;
    expect(scrap.onlineAvailable).toBe(true);
    expect(scrap.providers.map((p) => p.code)).toContain("aktobe");
    expect(scrap.variants.find((v) => v.code === "issue")!.fee.amountKzt).toBe(43_250);

    const service = await api.call("getService", { params: { serviceCode: "scrap-metal-licence" }, token: null });
    expect(service.status).toBe(200);
    const issue = (
      service.body.variants as { code: string; form: { name: string; options?: { value: string }[] }[]; documents: { key: string; required: boolean }[] }[]
    ).find((v) => v.code === "issue")!;
    expect(issue.form.map((f) => f.name)).toEqual(["activitySubtypes", "activityAddress", "contactPhone", "contactEmail"]);
    const requiredSlots = issue.documents.filter((d) => d.required).map((d) => d.key);
    expect(requiredSlots).toEqual(["charter_scan", "qualification_documents"]);

    // Draft.
    const created = await api.call("createApplication", { json: { serviceCode: "scrap-metal-licence", variant: "issue", organisationCode: "aktobe" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "DRAFT", version: 0, registrationNumber: null, organisation: { code: "aktobe" } });
    const id = created.body.id as string;

    // Form.
    const formData = {
      activitySubtypes: [issue.form[0]!.options![0]!.value],
      activityAddress: "Ақтөбе қ., Промзона, 12",
      contactPhone: "+7 701 000 00 00",
      contactEmail: "office@example.kz",
    };
    const saved = await api.call("saveDraft", { params: { id }, json: { expectedVersion: 0, formData } });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ id, version: 1, formData });

    // Files.
    for (const slotKey of requiredSlots) {
      const form = new FormData();
      form.set("slotKey", slotKey);
      form.set("file", new File([pdfBytes(slotKey) as BlobPart], `${slotKey}.pdf`, { type: "application/pdf" }));
      const up = await api.call("uploadDocument", { params: { id }, form });
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      expect(up.body).toMatchObject({ slotKey, mimeType: "application/pdf", fileName: `${slotKey}.pdf` });
    }

    // The fee is due.
    const overview = await api.call("getPayment", { params: { id } });
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({ required: true, paid: false, canPay: true, fee: { amountKzt: 43_250, mci: 10, mciValue: 4325 } });
    const started = await api.call("startPayment", { params: { id }, json: { locale: "en" } });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ amountKzt: 43_250, reused: false });
    expect(started.body.paymentPageUrl as string).toMatch(/^http:\/\/portal\.test\//);

    // Sign what the server says, unpaid: refused with 402.
    let signing = await api.call("getSigningRequest", { params: { id } });
    expect(signing.status).toBe(200);
    expect(signing.body).toMatchObject({ applicationId: id, readiness: { ready: false, paid: false, missingSlots: [], formErrors: {} } });
    expect((signing.body.signature as { expectedSigner: unknown }).expectedSigner).toEqual({ bin: applicant.subject.identifier });
    clock = later(5);
    const cms = (bytes: string) => Buffer.from(eds.sign(new Uint8Array(Buffer.from(bytes, "base64")), clock)).toString("base64");
    const unpaid = await api.call("submitApplication", { params: { id }, json: { cms: cms(signing.body.contentBase64 as string) } });
    expect(unpaid.status).toBe(402);
    expect(unpaid.body).toEqual({ error: { code: "payments.not_paid", message: "Requested service refused: no payment in the E-licensing SDB IS" } });

    // Paid (a confirmed payment as the gateway's callback leaves it).
    await createPaidPayment(t.db, id, later(10));
    clock = later(15);
    expect((await api.call("getPayment", { params: { id } })).body).toMatchObject({
      paid: true,
      canPay: false,
      current: { status: "PAID", amountKzt: 43_250 },
    });
    signing = await api.call("getSigningRequest", { params: { id } });
    expect(signing.body.readiness).toEqual({ ready: true, paid: true, missingSlots: [], formErrors: {} });

    // A signature over other bytes is refused with its verdict, and nothing changes.
    const wrong = await api.call("submitApplication", { params: { id }, json: { cms: cms(Buffer.from("something else").toString("base64")) } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({
      code: "pki.status.content_mismatch",
      signature: { status: "content_mismatch", signer: { bin: applicant.subject.identifier, serial: eds.serial } },
    });

    const submitted = await api.call("submitApplication", { params: { id }, json: { cms: cms(signing.body.contentBase64 as string) } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body).toMatchObject({ id, status: "SUBMITTED" });
    expect(submitted.body.registrationNumber).toMatch(/^EL-2026-\d{7}$/);
    expect(new Date(submitted.body.readyBy as string).getTime()).toBeGreaterThan(clock.getTime());

    // Follow it.
    const got = await api.call("getApplication", { params: { id } });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, status: "SUBMITTED", registrationNumber: submitted.body.registrationNumber, dueAt: submitted.body.readyBy });
    expect((got.body.documents as unknown[]).length).toBe(2);
    const timeline = got.body.timeline as { seq: number; stepKey: string; completedAt: string | null }[];
    expect(timeline.length).toBeGreaterThan(0);
    expect(timeline.at(-1)).toMatchObject({ stepKey: got.body.currentStep, completedAt: null });
    const list = await api.call("listApplications", { query: { limit: "10" } });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: [{ id, status: "SUBMITTED" }], nextCursor: null });

    // A second submission finds no draft; a draft-only change is a conflict.
    expect((await api.call("submitApplication", { params: { id }, json: { cms: cms(signing.body.contentBase64 as string) } })).body.error).toMatchObject({
      code: "applications.already_submitted",
    });
    const late = await api.call("saveDraft", { params: { id }, json: { expectedVersion: 99, formData } });
    expect(late.status).toBe(409);

    // Withdraw while it waits for registration.
    clock = later(30);
    const withdrawn = await api.call("withdrawApplication", { params: { id }, json: { reason: "Filed by mistake" } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ id, status: "WITHDRAWN" });
    expect((await api.call("withdrawApplication", { params: { id } })).status).toBe(409);

    // Every step left its audit row under the applicant.
    const types = (await t.db.auditEvent.findMany({ where: { applicationId: id }, orderBy: { at: "asc" }, select: { type: true } })).map((a) => a.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "application.draft_created",
        "application.draft_saved",
        "document.attached",
        "payment.started",
        "signature.verified",
        "application.withdrawn",
      ]),
    );

    const licences = await api.call("listLicences");
    expect(licences.status).toBe(200);
    expect(licences.body).toEqual({ items: [], nextCursor: null });
  });
});
