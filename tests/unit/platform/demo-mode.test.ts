import { describe, expect, it } from "vitest";
import { isDemoMode } from "@/lib/platform/demo";

// Demo mode is explicit (issue 13, F7): only DEMO_MODE=1 turns it on, whatever NODE_ENV says.
describe("isDemoMode", () => {
  it("is on only with DEMO_MODE=1", () => {
    expect(isDemoMode({ DEMO_MODE: "1" })).toBe(true);
    expect(isDemoMode({ DEMO_MODE: " 1 " })).toBe(true);
    expect(isDemoMode({ DEMO_MODE: "1", NODE_ENV: "production" })).toBe(true);
  });

  it("is off when unset, 0, or anything else — also outside production", () => {
    for (const v of [undefined, "", "0", "true", "yes", "on", "01", "2"]) expect(isDemoMode({ DEMO_MODE: v, NODE_ENV: "development" })).toBe(false);
    expect(isDemoMode({})).toBe(false);
    expect(isDemoMode({ DEMO_DATA: "1" })).toBe(false);
  });
});
