import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ZSafeInput, type ErrorCode } from "@/lib/platform/core";
import type { RequestMeta } from "@/lib/platform/audit";
import { can, type Permission, type UserActor } from "@/lib/platform/auth";
import { fieldCodesOf, toErrorResponse } from "@/lib/integration/api";
import { logger } from "@/lib/platform/log";
import { getActor } from "./session";
import { requestMeta } from "./request-meta";

/** What every server action returns; `code` and field messages are i18n keys ("errors" namespace). */
export type ActionResult<R = unknown> =
  | { ok: true; data: R }
  | { ok: false; code: string; fieldErrors?: Record<string, string>; eventId?: string };

type Ctx<A> = { actor: A; meta: RequestMeta; now: Date };

/** FormData → plain object (repeated keys become arrays; empty file inputs are dropped). */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fd.entries()) {
    if (k.startsWith("$ACTION")) continue;
    if (typeof v !== "string" && v.size === 0) continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/**
 * Any thrown value → the failure result, through the one error mapper (`toErrorResponse`, the same
 * that answers route handlers and /api/v1). Next's redirect()/notFound() pass through.
 */
function mapError(e: unknown): ActionResult<never> {
  if (e && typeof e === "object" && "digest" in e && typeof (e as { digest: unknown }).digest === "string" && (e as { digest: string }).digest.startsWith("NEXT_")) throw e;
  const eventId = randomUUID();
  const r = toErrorResponse(e, eventId);
  if (r.unexpected) {
    logger.error({ err: e, eventId }, "unexpected error in server action");
    return { ok: false, code: r.body.error.code, eventId };
  }
  return { ok: false, code: r.body.error.code, fieldErrors: fieldCodesOf(r.body) };
}

type Handler<S extends z.ZodType, R, A> = (input: z.infer<S>, ctx: Ctx<A>) => Promise<R>;

/** Parses, resolves the actor (or refuses with a code), runs the use case, maps errors. */
function run<S extends z.ZodType, R, A>(schema: S, resolveActor: () => Promise<{ actor: A } | { refuse: ErrorCode }>, fn: Handler<S, R, A>) {
  return async (_prev: ActionResult<R> | null, raw: FormData | z.input<S>): Promise<ActionResult<R>> => {
    try {
      const input = raw instanceof FormData ? formDataToObject(raw) : raw;
      // Every string of every action, at any depth (draft JSON too): no NUL, no lone surrogate.
      const safe = ZSafeInput.safeParse(input);
      if (!safe.success) return mapError(safe.error);
      const parsed = schema.safeParse(input);
      if (!parsed.success) return mapError(parsed.error);
      const who = await resolveActor();
      if ("refuse" in who) return { ok: false, code: who.refuse };
      const data = await fn(parsed.data, { actor: who.actor, meta: await requestMeta(), now: new Date() });
      return { ok: true, data };
    } catch (e) {
      return mapError(e);
    }
  };
}

/**
 * The one safe action client (style.md "Do" 5): parse with zod, load the actor, check the declared
 * permission (lib/platform/auth/permissions.ts), call the use case, map errors through the one
 * error mapper. Unexpected errors never leak their message.
 */
export function action<S extends z.ZodType, R>(schema: S, fn: Handler<S, R, UserActor>, opts: { permission: Permission }) {
  return run(schema, async () => {
    const actor = await getActor();
    if (!actor) return { refuse: "auth.signed_out" };
    if (!can(actor, opts.permission)) return { refuse: "auth.forbidden" };
    return { actor };
  }, fn);
}

/**
 * Same as `action` for visitors who may not be signed in (registration, public checks); `public`
 * says why no permission applies, so that every action declares its access (tested).
 */
export function publicAction<S extends z.ZodType, R>(schema: S, fn: Handler<S, R, UserActor | null>, _access: { public: string }) {
  return run(schema, async () => ({ actor: await getActor() }), fn);
}
