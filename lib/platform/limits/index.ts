/**
 * lib/platform/limits — rate limits shared by every portal instance, kept in PostgreSQL
 * (rate-limiter-flexible's `RateLimiterPostgres` over a small pg pool; its table `RateLimit` is made
 * by a Prisma migration). Each limiter counts `limit` points per key over a window that starts with
 * the key's first hit; one atomic `INSERT … ON CONFLICT` per hit, so N instances still allow at most
 * `limit` per window in total. See README.md.
 */
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { poolConfigFromUrl } from "@/lib/platform/db";

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** End of the current window. */
  resetAt: Date;
  /** Whole seconds until the window ends (≥ 1); for `Retry-After`. */
  retryAfterSeconds: number;
};

export type SharedLimiter = {
  /** The limiter's name: the prefix of its keys in the table. */
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
  /** Counts one request of `key` and says whether it may proceed. */
  hit(key: string, now: Date): Promise<RateLimitDecision>;
  /** The state of `key` without counting anything (allowed = another hit would pass). */
  peek(key: string, now: Date): Promise<RateLimitDecision>;
  /** Forgets `key` (an administrator cleared it). */
  reset(key: string): Promise<void>;
};

export type LimiterOptions = {
  /** Key prefix (letters, digits, `-`, `_`). */
  name: string;
  /** Points per key and window (a positive whole number). */
  limit: number;
  windowSeconds: number;
};

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120;
const TABLE = "RateLimit";
/** The column is varchar(255); longer keys (odd logins, IPv6 with zones) are cut and hashed. */
const MAX_KEY = 200;

function decision(limit: number, res: RateLimiterRes, now: Date, allowed: boolean): RateLimitDecision {
  const ms = res.msBeforeNext > 0 ? res.msBeforeNext : 0;
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetAt: new Date(now.getTime() + ms),
    retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
  };
}

function safeKey(key: string): string {
  if (key.length <= MAX_KEY) return key;
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return `${key.slice(0, MAX_KEY - 12)}#${(h >>> 0).toString(16)}`;
}

/** A limiter over `pool` (any database migrated with the `RateLimit` table). */
export function createLimiter(pool: pg.Pool, opts: LimiterOptions): SharedLimiter {
  if (!/^[A-Za-z0-9_-]+$/.test(opts.name)) throw new Error(`limiter name must be letters, digits, - or _, got ${JSON.stringify(opts.name)}`);
  if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new Error(`rate limit must be a positive integer, got ${opts.limit}`);
  if (!Number.isInteger(opts.windowSeconds) || opts.windowSeconds < 1) throw new Error(`rate limit window must be a positive number of seconds, got ${opts.windowSeconds}`);
  const rl = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: TABLE,
    tableCreated: true,
    keyPrefix: opts.name,
    points: opts.limit,
    duration: opts.windowSeconds,
    // Expired rows are deleted by the limiter itself every 5 minutes (those an hour past expiry).
    clearExpiredByTimeout: true,
  });
  const { limit } = opts;
  return {
    name: opts.name,
    limit,
    windowSeconds: opts.windowSeconds,
    async hit(key, now) {
      try {
        const res = await rl.consume(safeKey(key), 1);
        return decision(limit, res, now, true);
      } catch (e) {
        if (e instanceof RateLimiterRes) return decision(limit, e, now, false);
        throw e;
      }
    },
    async peek(key, now) {
      const res = await rl.get(safeKey(key));
      if (!res) return { allowed: true, limit, remaining: limit, resetAt: new Date(now.getTime() + opts.windowSeconds * 1000), retryAfterSeconds: opts.windowSeconds };
      return decision(limit, res, now, res.consumedPoints < limit);
    },
    async reset(key) {
      await rl.delete(safeKey(key));
    },
  };
}

const globalForLimits = globalThis as unknown as { __limitsPool?: pg.Pool; __limiters?: Map<string, SharedLimiter> };

/** The process's pool for the limits (DATABASE_URL; a few connections: one short statement per hit). */
export function limitsPool(): pg.Pool {
  if (!globalForLimits.__limitsPool) {
    const pool = new pg.Pool({ ...poolConfigFromUrl(process.env.DATABASE_URL), max: Number(process.env.RATE_LIMIT_POOL_SIZE ?? 4) });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    globalForLimits.__limitsPool = pool;
  }
  return globalForLimits.__limitsPool;
}

/** Closes the process's pool (tests, scripts that end). */
export async function closeLimitsPool(): Promise<void> {
  const pool = globalForLimits.__limitsPool;
  globalForLimits.__limitsPool = undefined;
  globalForLimits.__limiters = undefined;
  await pool?.end();
}

/** The process's limiter of this name (created once, over `limitsPool()`). */
export function sharedLimiter(opts: LimiterOptions): SharedLimiter {
  const all = (globalForLimits.__limiters ??= new Map());
  const id = `${opts.name}/${opts.limit}/${opts.windowSeconds}`;
  let l = all.get(id);
  if (!l) {
    l = createLimiter(limitsPool(), opts);
    all.set(id, l);
  }
  return l;
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** `API_RATE_LIMIT_PER_MINUTE` (a positive whole number), else 120. */
export function rateLimitPerMinute(env: Record<string, string | undefined> = process.env): number {
  return positiveInt(env, "API_RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMIT_PER_MINUTE);
}

/** `PUBLIC_RATE_LIMIT_PER_MINUTE`: unauthenticated endpoints per address (payment callback, EDS challenge, registration), else 30. */
export function publicRateLimitPerMinute(env: Record<string, string | undefined> = process.env): number {
  return positiveInt(env, "PUBLIC_RATE_LIMIT_PER_MINUTE", 30);
}

export { clientAddress, parseTrustedProxies, trustedProxies, type TrustedProxies } from "./client-address";
