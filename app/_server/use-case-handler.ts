import { revalidatePath } from "next/cache";
import type { RequestMeta } from "@/lib/platform/audit";
import type { UserActor } from "@/lib/platform/auth";
import { getDb } from "./db";
import { requireFreshSignIn } from "./session";

type Ctx = { actor: UserActor; meta: RequestMeta; now: Date };
type UseCase<I, R> = (db: ReturnType<typeof getDb>, actor: UserActor, input: I, ctx: { now: Date; meta: RequestMeta }) => Promise<R>;
type Handler<I, R> = (input: I, ctx: Ctx) => Promise<R>;

/**
 * The body of most server actions: run one use case with the database, the actor, the request's
 * time and meta; then, when the change shows on other pages, revalidate that layout so they read
 * it anew. Passed to `action(schema, handler, { permission })`, which stays the one action client.
 */
export function runUseCase<I, R>(useCase: UseCase<I, R>, opts: { revalidate?: string } = {}): Handler<I, R> {
  return async (input, { actor, now, meta }) => {
    const result = await useCase(getDb(), actor, input, { now, meta });
    if (opts.revalidate) revalidatePath(opts.revalidate, "layout");
    return result;
  };
}

/** The same handler, refused with `auth.reauthenticate` unless the sign-in is recent (ASVS 4.0 V3.7.1). */
export function afterFreshSignIn<I, R>(handler: Handler<I, R>): Handler<I, R> {
  return async (input, ctx) => {
    await requireFreshSignIn(ctx.now);
    return handler(input, ctx);
  };
}
