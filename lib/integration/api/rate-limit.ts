/**
 * The API's rate limit: `API_RATE_LIMIT_PER_MINUTE` requests per minute per key (API token, session
 * user or client address), counted in PostgreSQL by lib/platform/limits so that every portal
 * instance shares it (issue 15: the per-process counter allowed N × limit with N instances).
 */
import { rateLimitPerMinute, sharedLimiter, type SharedLimiter } from "@/lib/platform/limits";

export { DEFAULT_RATE_LIMIT_PER_MINUTE, rateLimitPerMinute, type RateLimitDecision, type SharedLimiter } from "@/lib/platform/limits";

/** The name of the API limiter's keys in the shared table. */
export const API_LIMITER_NAME = "api";

/** This process's handle on the shared API limit. */
export function apiRateLimiter(): SharedLimiter {
  return sharedLimiter({ name: API_LIMITER_NAME, limit: rateLimitPerMinute(), windowSeconds: 60 });
}
