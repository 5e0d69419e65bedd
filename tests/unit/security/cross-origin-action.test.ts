import { describe, expect, it } from "vitest";
import { crossOriginActionRefusal } from "@/app/_server/cross-origin-action";

// Issue 13 F3: a server action posted with another site's Origin was refused by Next with a 500.
const action = (headers: Record<string, string>) =>
  new Request("http://portal.test/kk/applicant/applications/x", { method: "POST", headers: { host: "portal.test", "next-action": "abc123", "content-type": "text/plain", ...headers }, body: "[]" });

describe("a cross-origin server action is refused with 403 (proxy.ts)", () => {
  it("another site's Origin or Sec-Fetch-Site: cross-site → 403 auth.forbidden", async () => {
    const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of foreign) {
      const res = crossOriginActionRefusal(action(headers))!;
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("auth.forbidden");
    }
  });

  it("the portal's own Origin, no Origin, or a request that is no server action: not refused here", () => {
    expect(crossOriginActionRefusal(action({ origin: "http://portal.test" }))).toBeNull();
    expect(crossOriginActionRefusal(action({}))).toBeNull();
    expect(crossOriginActionRefusal(new Request("http://portal.test/kk", { method: "POST", headers: { origin: "https://evil.example" } }))).toBeNull();
  });
});
