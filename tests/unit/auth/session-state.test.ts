import { describe, expect, it } from "vitest";
import { isFreshSignIn, sessionPolicy, sessionState } from "@/lib/platform/auth";

// Server-side sessions (issue 13, F5): what a request does with a session row (pure).
const policy = sessionPolicy({});
const t0 = new Date("2026-12-01T04:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe("sessionState", () => {
  it("live within both timeouts; last-seen written only when a minute old", () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, endedAt: null }, at(30_000), policy)).toEqual({ kind: "live", touch: false });
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, endedAt: null }, at(MIN), policy)).toEqual({ kind: "live", touch: true });
  });

  it("idle after 30 minutes without a request, expired 8 hours after sign-in; an ended session stays ended", () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, endedAt: null }, at(30 * MIN - 1), policy).kind).toBe("live");
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, endedAt: null }, at(30 * MIN), policy)).toEqual({ kind: "end", reason: "idle" });
    expect(sessionState({ createdAt: t0, lastSeenAt: at(8 * 60 * MIN - MIN), endedAt: null }, at(8 * 60 * MIN), policy)).toEqual({ kind: "end", reason: "expired" });
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, endedAt: at(MIN) }, at(2 * MIN), policy)).toEqual({ kind: "ended" });
  });
});

describe("isFreshSignIn", () => {
  it("a sign-in up to 15 minutes old is fresh", () => {
    expect(isFreshSignIn(t0, at(15 * MIN))).toBe(true);
    expect(isFreshSignIn(t0, at(15 * MIN + 1))).toBe(false);
  });
});
