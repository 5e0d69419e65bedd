/**
 * A fixed-window request counter per key (API token, session user or client address), kept in
 * the memory of one process. Simple on purpose: with N processes behind a load balancer a client
 * gets up to N × limit; a shared store (Redis, PostgreSQL) can replace it behind the same `hit()`.
 */
export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** End of the current window. */
  resetAt: Date;
  /** Whole seconds until the window ends (≥ 1); for `Retry-After`. */
  retryAfterSeconds: number;
};

export type RateLimiterOptions = {
  /** Requests allowed per key and window. */
  limit: number;
  windowMs: number;
  /** Keys remembered at most; windows that ended are swept first, then the oldest keys. */
  maxKeys?: number;
};

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  readonly limit: number;
  readonly windowMs: number;
  private readonly maxKeys: number;

  constructor(opts: RateLimiterOptions) {
    if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new Error(`rate limit must be a positive integer, got ${opts.limit}`);
    if (!(opts.windowMs > 0)) throw new Error(`rate limit window must be positive, got ${opts.windowMs}`);
    this.limit = opts.limit;
    this.windowMs = opts.windowMs;
    this.maxKeys = opts.maxKeys ?? 10_000;
  }

  /** Counts one request of `key` at `now` and says whether it may proceed. */
  hit(key: string, now: Date): RateLimitDecision {
    const t = now.getTime();
    const start = Math.floor(t / this.windowMs) * this.windowMs;
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      if (!w) this.makeRoom(start);
      w = { start, count: 0 };
      this.windows.delete(key);
      this.windows.set(key, w);
    }
    const allowed = w.count < this.limit;
    if (allowed) w.count++;
    const resetAt = new Date(start + this.windowMs);
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - w.count),
      resetAt,
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - t) / 1000)),
    };
  }

  /** How many keys are remembered (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }

  private makeRoom(currentStart: number) {
    if (this.windows.size < this.maxKeys) return;
    for (const [k, w] of this.windows) if (w.start < currentStart) this.windows.delete(k);
    // Still full of live windows: forget the oldest-inserted ones (they start counting afresh).
    for (const k of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(k);
    }
  }
}

/** `API_RATE_LIMIT_PER_MINUTE` (a positive whole number), else 120. */
export function rateLimitPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.API_RATE_LIMIT_PER_MINUTE?.trim();
  if (!raw) return DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`API_RATE_LIMIT_PER_MINUTE must be a positive whole number, got ${JSON.stringify(raw)}`);
  return Number(raw);
}
