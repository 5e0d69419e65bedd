import type { RequestMeta } from "@/lib/platform/audit";
export { inTransaction } from "@/lib/platform/db";

/** What every admin mutation needs besides its input: business time and request metadata. */
export type AdminCtx = { now: Date; meta?: RequestMeta };

/** Optional optimistic-concurrency token: the `updatedAt` the form was rendered with. */
export function isStale(expected: string | null | undefined, actual: Date): boolean {
  return Boolean(expected) && new Date(expected!).getTime() !== actual.getTime();
}
