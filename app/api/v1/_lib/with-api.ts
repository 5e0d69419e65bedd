import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  API_ERROR_CODES,
  ZApiError,
  fingerprintMaterial,
  isIdempotentOperation,
  requestFingerprint,
  runIdempotent,
  toErrorResponse,
  type ApiOperation,
  type IdempotentAnswer,
  type RateLimitDecision,
} from "@/lib/integration/api";
import { authenticateApiToken } from "@/lib/integration/api-tokens";
import type { RequestMeta } from "@/lib/platform/audit";
import { can, type UserActor } from "@/lib/platform/auth";
import { DomainError, ZSafeInput, zodFieldCodes, type ErrorCode } from "@/lib/platform/core";
import type { Db } from "@/lib/platform/db";
import { uploadMaxBytes } from "@/lib/cases/documents";
import { logger } from "@/lib/platform/log";
import { apiRuntime, type ApiRuntime } from "./runtime";
import { bearerToken, isSameOrigin, metaOf, queryOf, readJson, readMultipart } from "./request";

const JSON_BODY_LIMIT = 64 * 1024;
/** Room for the multipart boundaries, part headers and the slot key around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

type OutputOf<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

export type ApiContext<Op extends ApiOperation> = {
  request: Request;
  params: OutputOf<Op["params"]>;
  query: OutputOf<Op["query"]>;
  body: Op["body"] extends { schema: infer S } ? OutputOf<S> : undefined;
  /** An applicant (always, where `auth` is required); null on public operations called anonymously. */
  actor: Op["auth"] extends "required" ? UserActor : UserActor | null;
  db: Db;
  now: Date;
  meta: RequestMeta;
  runtime: ApiRuntime;
};

export type ApiHandler<Op extends ApiOperation> = (ctx: ApiContext<Op>) => Promise<z.output<Op["response"]["schema"]>>;

/** What Next passes as the second argument of a route handler. */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** A /api/v1 route handler and the operation it serves (its method and path: the fast path routes by them). */
export type ApiRoute<Op extends ApiOperation = ApiOperation> = ((request: Request, context?: RouteContext) => Promise<Response>) & { operation: Op };

/** A response that did not match its own schema: a bug on our side, reported as 500. */
class ResponseContractError extends Error {
  constructor(operationId: string, cause: unknown) {
    super(`response of ${operationId} does not match its schema`, { cause });
    this.name = "ResponseContractError";
  }
}

function json(status: number, body: unknown, rate: RateLimitDecision | null, now: Date, replayed?: boolean): Response {
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (replayed) headers.set("Idempotent-Replayed", "true");
  if (rate) {
    headers.set("RateLimit-Limit", String(rate.limit));
    headers.set("RateLimit-Remaining", String(rate.remaining));
    headers.set("RateLimit-Reset", String(Math.max(0, Math.ceil((rate.resetAt.getTime() - now.getTime()) / 1000))));
    if (!rate.allowed) headers.set("Retry-After", String(rate.retryAfterSeconds));
  }
  return Response.json(body, { status, headers });
}

/** 429 when the limit is reached, else `otherwise` (when given). */
function refusal(rate: RateLimitDecision, otherwise?: ErrorCode): DomainError {
  if (!rate.allowed || !otherwise) return new DomainError(API_ERROR_CODES.rateLimited, { retryAfterSeconds: rate.retryAfterSeconds });
  return new DomainError(otherwise);
}

function invalid(error: z.ZodError): DomainError {
  return new DomainError("validation.failed", { fieldErrors: zodFieldCodes(error, "_body") });
}

/**
 * Wraps a use case as a /api/v1 route handler, one way for every operation:
 * 1. the caller: `Authorization: Bearer elk_…` (an applicant's API token), else — where the
 *    operation needs a caller — the portal session cookie (changes only from the portal's origin);
 *    only callers holding the operation's permission pass (applicants); a token that is sent must be valid, even on public operations;
 * 2. the rate limit per token (per session user, per address when anonymous);
 * 3. path parameters (invalid = 404), query and body validated with the operation's zod schemas;
 * 4. the answer encoded with the operation's response schema (`Cache-Control: no-store`);
 * 5. every error mapped once by `toErrorResponse` (lib/integration/api/errors.ts); unexpected ones are logged
 *    under an event id and answered without their message;
 * 6. POSTs that change something (`isIdempotentOperation`) sent with `Idempotency-Key` run once per
 *    caller and key: the answer (status + body, errors below 500 included) is stored with the
 *    operation's writes and replayed to retries (lib/integration/api/idempotency.ts).
 */
export function withApi<const Op extends ApiOperation>(op: Op, handler: ApiHandler<Op>): ApiRoute<Op> {
  return Object.assign(route, { operation: op });
  async function route(request: Request, context?: RouteContext): Promise<Response> {
    const runtime = apiRuntime();
    const now = runtime.now();
    const meta = metaOf(request);
    let rate: RateLimitDecision | null = null;
    try {
      const db = runtime.db();
      const token = bearerToken(request);
      let actor: UserActor | null = null;
      let rateKey = `ip:${meta.ip ?? "unknown"}`;
      if (token !== undefined) {
        const auth = token ? await authenticateApiToken(db, token, now) : null;
        if (!auth) {
          // Failed attempts count against the address, so guessing costs the guesser.
          rate = await runtime.rateLimiter().hit(rateKey, now);
          throw refusal(rate, API_ERROR_CODES.invalidToken);
        }
        actor = auth.actor;
        rateKey = `token:${auth.tokenId}`;
      } else if (op.auth === "required") {
        actor = await runtime.sessionActor();
        if (!actor) {
          rate = await runtime.rateLimiter().hit(rateKey, now);
          throw refusal(rate, API_ERROR_CODES.unauthorized);
        }
        rateKey = `user:${actor.userId}`;
        if (op.method !== "GET" && !isSameOrigin(request)) throw new DomainError(API_ERROR_CODES.crossOrigin);
      }
      if (op.auth === "required" && !(op.permission && can(actor, op.permission))) throw new DomainError(API_ERROR_CODES.applicantsOnly);

      rate = await runtime.rateLimiter().hit(rateKey, now);
      if (!rate.allowed) throw refusal(rate);
      const idempotencyKey = isIdempotentOperation(op) ? request.headers.get("idempotency-key") : null;

      let params: unknown = {};
      if (op.params) {
        const raw = (await context?.params) ?? {};
        const parsed = op.params.safeParse(raw);
        // A malformed id names no record.
        if (!parsed.success || !ZSafeInput.safeParse(raw).success) throw new DomainError("errors.not_found");
        params = parsed.data;
      }
      let query: unknown = {};
      if (op.query) {
        const raw = queryOf(request);
        const parsed = ZSafeInput.pipe(op.query).safeParse(raw);
        if (!parsed.success) throw invalid(parsed.error);
        query = parsed.data;
      }
      let body: unknown = undefined;
      let rawBody: unknown = undefined;
      if (op.body) {
        const raw =
          op.body.type === "json"
            ? await readJson(request, { limit: op.body.maxBytes ?? JSON_BODY_LIMIT, optional: op.body.optional ?? false })
            : await readMultipart(request, { limit: op.body.maxBytes ?? uploadMaxBytes() + MULTIPART_OVERHEAD });
        // Every string of the body, at any depth (draft form data too): no NUL, no lone surrogate.
        const parsed = ZSafeInput.pipe(op.body.schema).safeParse(raw);
        if (!parsed.success) throw invalid(parsed.error);
        body = parsed.data;
        rawBody = raw;
      }

      const answer = async (useDb: Db): Promise<IdempotentAnswer> => {
        const data = await handler({ request, params, query, body, actor, db: useDb, now, meta, runtime } as ApiContext<Op>);
        try {
          return { status: op.response.status, body: z.encode(op.response.schema, data) };
        } catch (e) {
          throw new ResponseContractError(op.operationId, e);
        }
      };
      if (idempotencyKey === null) {
        const a = await answer(db);
        return json(a.status, a.body, rate, now);
      }
      const scope = rateKey; // token:<id> or user:<id>: a key belongs to one caller
      const requestHash = requestFingerprint(op.operationId, params, await fingerprintMaterial(rawBody));
      const r = await runIdempotent(db, { scope, key: idempotencyKey, operation: op.operationId, requestHash, now }, async (tx) => {
        try {
          return await answer(tx);
        } catch (e) {
          // A refusal is an answer (stored, replayed); an unexpected error is not (rolled back).
          const mapped = toErrorResponse(e, randomUUID());
          if (mapped.unexpected) throw e;
          return { status: mapped.status, body: z.encode(ZApiError, mapped.body) };
        }
      });
      return json(r.status, r.body, rate, now, r.replayed);
    } catch (e) {
      const eventId = randomUUID();
      const r = toErrorResponse(e, eventId);
      if (r.unexpected) logger.error({ err: e, eventId, operationId: op.operationId }, "unexpected error in API");
      let body: unknown;
      try {
        body = z.encode(ZApiError, r.body);
      } catch (encodeError) {
        logger.error({ err: encodeError, eventId, operationId: op.operationId }, "API error body does not match its schema");
        return json(500, { error: { code: "errors.unexpected", message: "Unexpected error.", eventId } }, rate, now);
      }
      return json(r.status, body, rate, now);
    }
  }
}
