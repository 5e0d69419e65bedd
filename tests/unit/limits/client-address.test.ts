import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, publicRateLimitPerMinute, rateLimitPerMinute } from "@/lib/platform/limits";

const none = parseTrustedProxies(undefined);
const lb = parseTrustedProxies("10.0.0.5, 192.168.10.0/24, fd00::/8");

describe("clientAddress (TRUSTED_PROXIES)", () => {
  it("without trusted proxies takes the rightmost entry: what the client wrote to the left is ignored", () => {
    expect(clientAddress("203.0.113.7", none)).toBe("203.0.113.7");
    // A client sent "1.2.3.4"; the load balancer appended the address it saw.
    expect(clientAddress("1.2.3.4, 203.0.113.7", none)).toBe("203.0.113.7");
    expect(clientAddress("1.2.3.4, 10.0.0.5", none)).toBe("10.0.0.5");
  });

  it("walks left over trusted hops only (addresses and CIDR blocks, IPv4 and IPv6)", () => {
    expect(clientAddress("1.2.3.4, 203.0.113.7, 192.168.10.20, 10.0.0.5", lb)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7, 10.0.0.5", lb)).toBe("203.0.113.7");
    expect(clientAddress("2001:db8::1, fd00::2", lb)).toBe("2001:db8::1");
    // Every hop is ours: the leftmost is the closest to the client that we know.
    expect(clientAddress("192.168.10.9, 10.0.0.5", lb)).toBe("192.168.10.9");
  });

  it("rotating the spoofable part gives the same key", () => {
    const keys = new Set(Array.from({ length: 20 }, (_, i) => clientAddress(`198.51.100.${i}, 203.0.113.7, 10.0.0.5`, lb)));
    expect([...keys]).toEqual(["203.0.113.7"]);
  });

  it("normalises IPv4-mapped IPv6 and brackets; garbage ends the walk", () => {
    expect(clientAddress("::ffff:203.0.113.7", none)).toBe("203.0.113.7");
    expect(clientAddress("[2001:db8::5]", none)).toBe("2001:db8::5");
    expect(clientAddress("not-an-ip", none)).toBeNull();
    expect(clientAddress("evil, 10.0.0.5", lb)).toBe("10.0.0.5");
    expect(clientAddress("", none)).toBeNull();
    expect(clientAddress(null, none)).toBeNull();
  });

  it("refuses a malformed TRUSTED_PROXIES", () => {
    expect(() => parseTrustedProxies("10.0.0.300")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies(" , ").size).toBe(0);
  });
});

describe("limit settings", () => {
  it("reads API_RATE_LIMIT_PER_MINUTE (default 120) and PUBLIC_RATE_LIMIT_PER_MINUTE (default 30), refusing nonsense", () => {
    expect(rateLimitPerMinute({})).toBe(120);
    expect(rateLimitPerMinute({ API_RATE_LIMIT_PER_MINUTE: " 600 " })).toBe(600);
    expect(() => rateLimitPerMinute({ API_RATE_LIMIT_PER_MINUTE: "lots" })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
    expect(() => rateLimitPerMinute({ API_RATE_LIMIT_PER_MINUTE: "0" })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
    expect(publicRateLimitPerMinute({})).toBe(30);
    expect(publicRateLimitPerMinute({ PUBLIC_RATE_LIMIT_PER_MINUTE: "5" })).toBe(5);
  });
});
