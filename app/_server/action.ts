import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isDomainError } from "@/lib/platform/core";
import type { RequestMeta } from "@/lib/platform/audit";
import type { UserActor } from "@/lib/platform/auth";
import type { Role } from "@/lib/platform/db";
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

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message.includes(".") ? issue.message : `validation.${issue.code}`;
  }
  return out;
}

function mapError(e: unknown): ActionResult<never> {
  if (isDomainError(e)) return { ok: false, code: e.code, fieldErrors: e.details?.fieldErrors as Record<string, string> | undefined };
  if (e instanceof z.ZodError) return { ok: false, code: "validation.failed", fieldErrors: zodFieldErrors(e) };
  // Next's redirect()/notFound() are thrown as control flow: let them through.
  if (e && typeof e === "object" && "digest" in e && typeof (e as { digest: unknown }).digest === "string" && (e as { digest: string }).digest.startsWith("NEXT_")) throw e;
  const eventId = randomUUID();
  logger.error({ err: e, eventId }, "unexpected error in server action");
  return { ok: false, code: "errors.unexpected", eventId };
}

type Handler<S extends z.ZodType, R, A> = (input: z.infer<S>, ctx: Ctx<A>) => Promise<R>;

/** Parses, resolves the actor (or refuses with a code), runs the use case, maps errors. */
function run<S extends z.ZodType, R, A>(schema: S, resolveActor: () => Promise<{ actor: A } | { refuse: string }>, fn: Handler<S, R, A>) {
  return async (_prev: ActionResult<R> | null, raw: FormData | z.input<S>): Promise<ActionResult<R>> => {
    try {
      const parsed = schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
      if (!parsed.success) return { ok: false, code: "validation.failed", fieldErrors: zodFieldErrors(parsed.error) };
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
 * The one safe action client (style.md "Do" 5): parse with zod, load the actor, check the role,
 * call the use case, map errors. Unexpected errors never leak their message.
 */
export function action<S extends z.ZodType, R>(schema: S, fn: Handler<S, R, UserActor>, opts: { roles?: readonly Role[] } = {}) {
  return run(schema, async () => {
    const actor = await getActor();
    if (!actor) return { refuse: "auth.signed_out" };
    if (opts.roles && !opts.roles.includes(actor.role)) return { refuse: "auth.forbidden" };
    return { actor };
  }, fn);
}

/** Same as `action` for visitors who may not be signed in (registration, public checks). */
export function publicAction<S extends z.ZodType, R>(schema: S, fn: Handler<S, R, UserActor | null>) {
  return run(schema, async () => ({ actor: await getActor() }), fn);
}
