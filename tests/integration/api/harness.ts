import { expect } from "vitest";
import { z } from "zod";

/**
 * Drives /api/v1 the way an integrator does: from the OpenAPI document. An operation is found by
 * its operationId, its path template is filled, the route module serving that path is called
 * with a real `Request`, and every answer is checked against the document's schema for its status.
 */

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", Handler>>;

type Json = Record<string, unknown>;
export type OpenApiOperation = {
  operationId: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean; schema: Json }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, Json>;
};
export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; securitySchemes: Record<string, Json> };
};

/** Route modules by OpenAPI path (the files under app/api/v1 this API owns). */
export async function loadRoutes(): Promise<Record<string, RouteModule>> {
  return {
    "/api/v1/catalogue": await import("@/app/api/v1/catalogue/route"),
    "/api/v1/catalogue/{serviceCode}": await import("@/app/api/v1/catalogue/[serviceCode]/route"),
    "/api/v1/applications": await import("@/app/api/v1/applications/route"),
    "/api/v1/applications/{id}": await import("@/app/api/v1/applications/[id]/route"),
    "/api/v1/applications/{id}/documents": await import("@/app/api/v1/applications/[id]/documents/route"),
    "/api/v1/applications/{id}/payment": await import("@/app/api/v1/applications/[id]/payment/route"),
    "/api/v1/applications/{id}/signing-request": await import("@/app/api/v1/applications/[id]/signing-request/route"),
    "/api/v1/applications/{id}/submit": await import("@/app/api/v1/applications/[id]/submit/route"),
    "/api/v1/applications/{id}/withdraw": await import("@/app/api/v1/applications/[id]/withdraw/route"),
    "/api/v1/licences": await import("@/app/api/v1/licences/route"),
    "/api/v1/verification": await import("@/app/api/v1/verification/route"),
    "/api/v1/openapi.json": await import("@/app/api/v1/openapi.json/route"),
  };
}

export const BASE = "http://portal.test";

export type CallOptions = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  /** Raw body with its content type (for malformed-input tests). */
  raw?: { body: string; contentType: string };
  /** `undefined`: the client's default token; `null`: no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
};

export type ApiAnswer = { status: number; headers: Headers; body: Json };

/** The scrap-metal licence's issue form as an applicant fills it, from `getService`'s answer (its first activity subtype). */
export function scrapMetalIssueForm(service: ApiAnswer) {
  const issue = (service.body.variants as { code: string; form: { options?: { value: string }[] }[] }[]).find((v) => v.code === "issue")!;
  return {
    activitySubtypes: [issue.form[0]!.options![0]!.value],
    activityAddress: "Ақтөбе қ., Промзона, 12",
    contactPhone: "+7 701 000 00 00",
    contactEmail: "office@example.kz",
  };
}

export async function fetchDocument(routes: Record<string, RouteModule>): Promise<OpenApiDocument> {
  const res = await routes["/api/v1/openapi.json"]!.GET!(new Request(`${BASE}/api/v1/openapi.json`), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return (await res.json()) as OpenApiDocument;
}

export class ApiClient {
  private readonly validators = new Map<string, z.ZodType>();
  private readonly defs: Json;

  /**
   * `baseUrl`: send every call over HTTP to a server there (the /api/v1 fast path of
   * scripts/serve.mjs in tests/integration/api/fast-path.test.ts) instead of calling the route module.
   */
  constructor(
    readonly doc: OpenApiDocument,
    private readonly routes: Record<string, RouteModule>,
    readonly token: string | null = null,
    readonly baseUrl: string | null = null,
  ) {
    // The components as one JSON Schema bundle, so that zod can follow their $refs.
    this.defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll("#/components/schemas/", "#/$defs/")) as Json;
  }

  withToken(token: string | null): ApiClient {
    return new ApiClient(this.doc, this.routes, token, this.baseUrl);
  }

  /** Path and method of an operation in the document. */
  find(operationId: string): { path: string; method: string; op: OpenApiOperation } {
    for (const [path, item] of Object.entries(this.doc.paths)) {
      for (const [method, op] of Object.entries(item)) if (op.operationId === operationId) return { path, method, op };
    }
    throw new Error(`operation ${operationId} is not in the OpenAPI document`);
  }

  async call(operationId: string, o: CallOptions = {}): Promise<ApiAnswer> {
    const { path, method, op } = this.find(operationId);
    const params = o.params ?? {};
    for (const p of op.parameters ?? [])
      if (p.in === "path" && params[p.name] === undefined) throw new Error(`${operationId}: path parameter ${p.name} missing`);
    const url = new URL(
      path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n]!)),
      BASE,
    );
    for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
    const headers = new Headers(o.headers);
    const token = o.token === undefined ? this.token : o.token;
    if (token) headers.set("authorization", `Bearer ${token}`);
    let body: BodyInit | undefined;
    if (o.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(o.json);
    } else if (o.form) {
      // Let Request pick the multipart boundary.
      const probe = new Request(url, { method: "POST", body: o.form });
      headers.set("content-type", probe.headers.get("content-type")!);
      body = await probe.arrayBuffer();
    } else if (o.raw) {
      headers.set("content-type", o.raw.contentType);
      body = o.raw.body;
    }
    let res: Response;
    if (this.baseUrl) {
      res = await fetch(new URL(url.pathname + url.search, this.baseUrl), { method: method.toUpperCase(), headers, body });
    } else {
      const handler = this.routes[path]?.[method.toUpperCase() as "GET"];
      if (!handler) throw new Error(`no route module serves ${method.toUpperCase()} ${path}`);
      res = await handler(new Request(url, { method: method.toUpperCase(), headers, body }), { params: Promise.resolve(params) });
    }
    const json = (await res.json()) as Json;
    this.assertDocumented(operationId, res.status, json);
    return { status: res.status, headers: res.headers, body: json };
  }

  /** The answer has a status the document lists for the operation, and matches its schema. */
  assertDocumented(operationId: string, status: number, body: unknown) {
    const { op } = this.find(operationId);
    const response = op.responses[String(status)];
    expect(response, `${operationId}: status ${status} is not documented`).toBeDefined();
    const resolved = this.resolveResponse(response!);
    const schema = (resolved.content as Record<string, { schema: Json }>)["application/json"]!.schema;
    const key = JSON.stringify(schema);
    let validator = this.validators.get(key);
    if (!validator) {
      validator = z.fromJSONSchema({ ...JSON.parse(key.replaceAll("#/components/schemas/", "#/$defs/")), $defs: this.defs } as never);
      this.validators.set(key, validator);
    }
    const check = validator.safeParse(body);
    expect(check.success, `${operationId} ${status}: ${check.error ? JSON.stringify(check.error.issues.slice(0, 3)) : ""}`).toBe(true);
  }

  resolveResponse(response: Json): Json {
    const ref = response.$ref;
    if (typeof ref !== "string") return response;
    const name = ref.replace("#/components/responses/", "");
    const r = this.doc.components.responses[name];
    if (!r) throw new Error(`unresolved ${ref}`);
    return r;
  }
}
