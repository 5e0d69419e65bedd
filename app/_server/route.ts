import { randomUUID } from "node:crypto";
import { toErrorResponse } from "@/lib/integration/api";
import { can, type Permission, type UserActor } from "@/lib/platform/auth";
import { DomainError, findUnsafeText, UNSAFE_TEXT_CODE, type ErrorCode } from "@/lib/platform/core";
import { logger } from "@/lib/platform/log";
import { isSameOrigin } from "./request-body";

/**
 * Who may call a route: the holders of a permission, or anyone (say why in `public`). A route that
 * reads a larger body than `DEFAULT_BODY_LIMIT` names its own limit (`maxBodyBytes`) and enforces it
 * while reading (readBodyLimited).
 */
export type RouteAccess = ({ permission: Permission } | { public: string }) & { maxBodyBytes?: number };

/** Every route handler's body limit unless it declares another (issue 13 item 8): a declared length beyond it is 413. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

// Next checks each route file against its folder's params; any params object is accepted here and
// the handler declares what it reads (`P`).
type Ctx = { params: Promise<unknown> };
type Handler<P, A> = (request: Request, ctx: { actor: A; params: P }) => Promise<Response>;
type ActorOf<O extends RouteAccess> = O extends { permission: Permission } ? UserActor : UserActor | null;

const NO_STORE = { "Cache-Control": "no-store" } as const;

// Loaded on demand: public routes (the payment callback) need no session machinery.
const sessionActorOfRequest = async (): Promise<UserActor | null> => (await import("./session")).getActor();
let sessionActor = sessionActorOfRequest;

/**
 * Tests only (tests/integration/security): the session actor without a Next request context, as
 * `setApiRuntimeForTests` does for /api/v1; returns the function that restores the real one.
 */
export function setRouteSessionForTests(actorOf: () => Promise<UserActor | null>): () => void {
  sessionActor = actorOf;
  return () => {
    sessionActor = sessionActorOfRequest;
  };
}

/** The one JSON error answer of every route handler: `{ error: { code, message, … } }` (the /api/v1 shape). */
export function errorJson(e: unknown, what: string, headers: Record<string, string> = {}): Response {
  const eventId = randomUUID();
  const r = toErrorResponse(e, eventId);
  if (r.unexpected) logger.error({ err: e, eventId }, `unexpected error in ${what}`);
  return Response.json(r.body, { status: r.status, headers: { ...NO_STORE, ...headers } });
}

/** An explicit refusal by code, in the same shape. */
export function refuse(code: ErrorCode, headers: Record<string, string> = {}, details?: Record<string, unknown>): Response {
  return errorJson(new DomainError(code, details), "route", headers);
}

/**
 * Wraps a route handler, one way for every route outside /api/v1 (which has `withApi`): resolves
 * the session actor and checks the declared permission (signed out → 401, without the permission
 * → 404, as if the thing did not exist; cookie-authenticated changes only from the portal's own
 * origin), then maps every error through the one error mapper.
 */
export function route<O extends RouteAccess, P = Record<string, never>>(access: O, what: string, handler: Handler<P, ActorOf<O>>) {
  return async function handle(request: Request, ctx?: Ctx): Promise<Response> {
    try {
      const declared = Number(request.headers.get("content-length") ?? NaN);
      if (Number.isFinite(declared) && declared > (access.maxBodyBytes ?? DEFAULT_BODY_LIMIT)) return refuse("api.payload_too_large");
      const params = ((await ctx?.params) ?? {}) as P;
      // No NUL or lone surrogate in a path segment (names no record) or a query value (422).
      if (findUnsafeText(params)) return refuse("errors.not_found");
      if (findUnsafeText([...new URL(request.url).searchParams].flat())) return refuse(UNSAFE_TEXT_CODE, {}, { fieldErrors: { _query: UNSAFE_TEXT_CODE } });
      let actor: UserActor | null = null;
      if ("permission" in access) {
        // A change made with the session cookie must come from the portal's own pages.
        if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request)) return refuse("auth.forbidden");
        actor = await sessionActor();
        if (!actor) return refuse("auth.signed_out");
        if (!can(actor, access.permission)) return refuse("errors.not_found");
      }
      return await handler(request, { actor: actor as ActorOf<O>, params });
    } catch (e) {
      return errorJson(e, what);
    }
  };
}
