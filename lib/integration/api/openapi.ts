import { z } from "zod";
import { API_OPERATIONS, EXTERNAL_OPERATIONS, errorStatusesOf, isIdempotentOperation, type ApiErrorStatus, type ApiOperation } from "./operations";
import { apiSchemas } from "./schemas";
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from "./rate-limit";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the operation table and the zod schemas
 * (JSON Schema draft 2020-12, the dialect of OpenAPI 3.1). Nothing here restates a schema.
 */

type Json = Record<string, unknown>;

const SCHEMA_REF = (id: string) => `#/components/schemas/${id}`;
const JSON_SCHEMA_OPTIONS = { target: "draft-2020-12", io: "input", unrepresentable: "any" } as const;

const ERROR_RESPONSES: Record<ApiErrorStatus, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "The request cannot be carried out (see `error.code`), or its JSON is malformed (`api.invalid_json`)." },
  401: { name: "Unauthorized", description: "No credentials (`api.unauthorized`) or an unknown or revoked token (`api.invalid_token`)." },
  402: { name: "PaymentRequired", description: "The fee is not paid (`payments.not_paid`)." },
  403: { name: "Forbidden", description: "Not allowed: only applicants use this API (`api.applicants_only`, `auth.forbidden`)." },
  404: { name: "NotFound", description: "No such record, or not yours (`errors.not_found`)." },
  409: {
    name: "Conflict",
    description:
      "Changed meanwhile (`applications.draft_conflict`, `workflow.stale_state`), no longer possible in its state, or a request with the same `Idempotency-Key` still running (`api.idempotency_in_progress`).",
  },
  413: { name: "PayloadTooLarge", description: "The body or file is too large." },
  415: { name: "UnsupportedMediaType", description: "Wrong `Content-Type` (`api.unsupported_media_type`)." },
  422: {
    name: "ValidationFailed",
    description:
      "Invalid input: `validation.failed` with `fieldErrors`, the `Idempotency-Key` already used for another request (`api.idempotency_mismatch`), or another 422 code (see the operation).",
  },
  429: { name: "TooManyRequests", description: "Rate limit exceeded (`api.rate_limited`); wait `Retry-After` seconds." },
  500: { name: "InternalError", description: "Unexpected error; quote `eventId` to support." },
};

function componentId(schema: z.ZodType, where: string): string {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error(`${where}: body and response schemas must be registered in apiSchemas (lib/integration/api/schemas.ts)`);
  return id;
}

function jsonSchemaOf(schema: z.ZodType): Json {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, JSON_SCHEMA_OPTIONS) as Json;
  return rest;
}

function parametersOf(schema: z.ZodObject | undefined, where: "path" | "query"): Json[] {
  if (!schema) return [];
  const object = jsonSchemaOf(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
};

function operationObject(o: ApiOperation, errorResponses: Record<string, Json>, opts: { rateLimited: boolean }): Json {
  const content = (schema: z.ZodType, where: string) => ({ "application/json": { schema: { $ref: SCHEMA_REF(componentId(schema, where)) } } });
  const out: Json = {
    operationId: o.operationId,
    tags: [o.tag],
    summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    security: o.auth === "required" ? [{ bearerToken: [] }, { sessionCookie: [] }] : [],
  };
  const idempotent = opts.rateLimited && isIdempotentOperation(o);
  const parameters = [
    ...parametersOf(o.params, "path"),
    ...parametersOf(o.query, "query"),
    ...(idempotent ? [{ $ref: "#/components/parameters/Idempotency-Key" }] : []),
  ];
  if (parameters.length) out.parameters = parameters;
  if (o.body) {
    const media = o.body.type === "json" ? "application/json" : "multipart/form-data";
    out.requestBody = {
      required: !o.body.optional,
      content: { [media]: { schema: { $ref: SCHEMA_REF(componentId(o.body.schema, `${o.operationId} body`)) } } },
    };
  }
  out.responses = {
    [String(o.response.status)]: {
      description: o.response.description,
      ...(opts.rateLimited
        ? { headers: idempotent ? { ...RATE_LIMIT_HEADERS, "Idempotent-Replayed": { $ref: "#/components/headers/Idempotent-Replayed" } } : RATE_LIMIT_HEADERS }
        : {}),
      content: content(o.response.schema, `${o.operationId} response`),
    },
    ...errorResponses,
  };
  return out;
}

function buildDocument(): Json {
  const generated = z.toJSONSchema(apiSchemas, { ...JSON_SCHEMA_OPTIONS, uri: SCHEMA_REF }) as { schemas: Record<string, Json> };
  const schemas = Object.fromEntries(
    Object.entries(generated.schemas).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s;
      return [id, rest];
    }),
  );

  const paths: Record<string, Record<string, Json>> = {};
  const at = (path: string) => (paths[path] ??= {});
  for (const o of Object.values(API_OPERATIONS) as ApiOperation[]) {
    const errors = Object.fromEntries(errorStatusesOf(o).map((s) => [String(s), { $ref: `#/components/responses/${ERROR_RESPONSES[s].name}` }]));
    at(o.path)[o.method.toLowerCase()] = operationObject(o, errors, { rateLimited: true });
  }
  for (const x of EXTERNAL_OPERATIONS) {
    const errors = Object.fromEntries(
      Object.entries(x.errorBodies).map(([status, schema]) => [
        status,
        {
          description: ERROR_RESPONSES[Number(status) as ApiErrorStatus].description,
          content: { "application/json": { schema: { $ref: SCHEMA_REF(componentId(schema, x.operationId)) } } },
        },
      ]),
    );
    // Served by its own route (not withApi): no rate limit, its own error shape.
    const documented: ApiOperation = { ...x, params: x.params };
    at(x.path)[x.method.toLowerCase()] = operationObject(documented, errors, { rateLimited: false });
  }

  const errorRef = { "application/json": { schema: { $ref: SCHEMA_REF("Error") } } };
  const responses = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, r]) => [
      r.name,
      {
        description: r.description,
        ...(status === "429" ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } } : {}),
        content: errorRef,
      },
    ]),
  );

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "E-licensing portal API",
      version: "1.0.0",
      description: DESCRIPTION,
    },
    servers: [{ url: "/", description: "This portal" }],
    tags: [
      { name: "catalogue", description: "Services (public)" },
      { name: "applications", description: "An applicant's applications" },
      { name: "licences", description: "Licences" },
      { name: "meta", description: "This document" },
    ],
    paths,
    components: {
      schemas,
      responses,
      parameters: {
        "Idempotency-Key": {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Makes the request safe to retry: the first answer (status and body, refusals included, not 500s) is kept 24 hours for your token and this key, " +
            "and a retry with the same key and the same request gets it again (`Idempotent-Replayed: true`), e.g. 201 with the same registration number. " +
            "The same key with another request: 422 `api.idempotency_mismatch`. While the first request runs, a second one with the key waits up to 10 s, " +
            "then 409 `api.idempotency_in_progress`. Use a fresh random value (a UUID) per intended operation.",
          schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
        },
      },
      headers: {
        "Idempotent-Replayed": { description: "`true` when the answer is the stored answer of an earlier request with the same `Idempotency-Key`.", schema: { type: "string", enum: ["true"] } },
        "RateLimit-Limit": { description: "Requests allowed per minute.", schema: { type: "integer" } },
        "RateLimit-Remaining": { description: "Requests left in the current minute.", schema: { type: "integer" } },
        "RateLimit-Reset": { description: "Seconds until the current window ends.", schema: { type: "integer" } },
      },
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "elk_<43 base64url characters>",
          description: "A personal API token of an applicant, created in the cabinet (API tokens). Shown once; revocable.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The portal session of a signed-in applicant (`__Host-next-auth.session-token` over HTTPS). Changes must come from the portal's own origin.",
        },
      },
    },
  };
}

const DESCRIPTION = `Apply for licences and permits of the Republic of Kazakhstan from your own systems.

**Flow.** \`GET /api/v1/catalogue\` → \`POST /api/v1/applications\` (draft) → \`PATCH /api/v1/applications/{id}\` (form) →
\`POST …/documents\` (files) → \`POST …/payment\` (pay the fee at the returned page) → \`GET …/signing-request\`
(bytes to sign with the applicant's EDS signing key, detached CMS) → \`POST …/submit\` → follow \`GET /api/v1/applications/{id}\`.

**Authentication.** \`Authorization: Bearer elk_…\` with a token the applicant created in the cabinet, or the portal session cookie.
Only applicants use this API. A token acts with the applicant's rights and can be revoked at any time.

**Errors.** JSON \`{ "error": { "code", "message", "fieldErrors"? } }\`; \`code\` is stable, \`message\` is English for developers.
404 not found (also another applicant's records), 403 forbidden, 422 validation (\`fieldErrors\`), 409 conflict or stale version,
402 fee not paid, 401 unauthenticated, 429 rate limited, 400 other refusals, 500 unexpected (with \`eventId\`).

**Retries.** Every POST that changes your records accepts an \`Idempotency-Key\` header (a UUID you choose per operation). A retry with the same key
after a timeout or a lost answer returns the first answer instead of running again (a submission answers 201 with the same registration number).

**Rate limit.** ${DEFAULT_RATE_LIMIT_PER_MINUTE} requests per minute per token (per session user, or per address for anonymous calls) by default,
counted per server process in fixed one-minute windows. See the \`RateLimit-*\` headers; 429 comes with \`Retry-After\`.

**Conventions.** Instants are ISO 8601 in UTC (the portal's time zone is Asia/Almaty, UTC+5). Responses are not cached (\`Cache-Control: no-store\`).
Lists are paginated with an opaque \`cursor\` (\`nextCursor\` of the previous page).`;

let cached: Json | undefined;

/** The document (built once per process). */
export function openApiDocument(): Json {
  cached ??= buildDocument();
  return cached;
}
