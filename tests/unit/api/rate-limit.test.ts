import { describe, expect, it } from "vitest";
import { RateLimiter, rateLimitPerMinute } from "@/lib/integration/api";

const T0 = new Date("2026-11-30T05:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("RateLimiter", () => {
  it("allows `limit` requests per key and window, then refuses until the next window", () => {
    const rl = new RateLimiter({ limit: 2, windowMs: 60_000 });
    expect(rl.hit("a", at(0))).toMatchObject({ allowed: true, remaining: 1 });
    expect(rl.hit("a", at(10_000))).toMatchObject({ allowed: true, remaining: 0 });
    expect(rl.hit("a", at(45_500))).toEqual({ allowed: false, limit: 2, remaining: 0, resetAt: at(60_000), retryAfterSeconds: 15 });
    expect(rl.hit("b", at(45_500)).allowed).toBe(true);
    expect(rl.hit("a", at(60_000))).toMatchObject({ allowed: true, remaining: 1, resetAt: at(120_000) });
  });

  it("forgets ended windows, then the oldest keys, when it holds too many", () => {
    const rl = new RateLimiter({ limit: 1, windowMs: 1000, maxKeys: 3 });
    for (const k of ["a", "b", "c"]) rl.hit(k, at(0));
    rl.hit("d", at(1500));
    expect(rl.size).toBe(1);
    for (const k of ["e", "f"]) rl.hit(k, at(1500));
    rl.hit("g", at(1600));
    expect(rl.size).toBe(3);
    // "d" was the oldest and is counted afresh.
    expect(rl.hit("d", at(1700)).allowed).toBe(true);
  });

  it("reads API_RATE_LIMIT_PER_MINUTE, default 120, and refuses nonsense", () => {
    expect(rateLimitPerMinute({})).toBe(120);
    expect(rateLimitPerMinute({ API_RATE_LIMIT_PER_MINUTE: " 600 " })).toBe(600);
    expect(() => rateLimitPerMinute({ API_RATE_LIMIT_PER_MINUTE: "lots" })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
    expect(() => new RateLimiter({ limit: 0, windowMs: 1000 })).toThrow();
  });
});
