import { clientAddress, publicRateLimitPerMinute, sharedLimiter, type RateLimitDecision, type SharedLimiter } from "@/lib/platform/limits";
import { refuse } from "./route";

/**
 * The per-address limits of the unauthenticated endpoints (issue 13 F4): `PUBLIC_RATE_LIMIT_PER_MINUTE`
 * per client address and endpoint, shared by all instances (PostgreSQL, lib/platform/limits).
 */
export type PublicEndpoint = "payment-callback-refused" | "eds-challenge" | "registration";

export function publicLimiter(endpoint: PublicEndpoint): SharedLimiter {
  return sharedLimiter({ name: endpoint, limit: publicRateLimitPerMinute(), windowSeconds: 60 });
}

/** The limiter key of the request's client address (TRUSTED_PROXIES). */
export function addressKeyOf(request: Request): string {
  return `ip:${clientAddress(request.headers.get("x-forwarded-for")) ?? "unknown"}`;
}

/** 429 `api.rate_limited` with `Retry-After` and the RateLimit-* headers. */
export function tooManyRequests(d: RateLimitDecision, now: Date): Response {
  return refuse(
    "api.rate_limited",
    {
      "Retry-After": String(d.retryAfterSeconds),
      "RateLimit-Limit": String(d.limit),
      "RateLimit-Remaining": String(d.remaining),
      "RateLimit-Reset": String(Math.max(0, Math.ceil((d.resetAt.getTime() - now.getTime()) / 1000))),
    },
    { retryAfterSeconds: d.retryAfterSeconds },
  );
}
