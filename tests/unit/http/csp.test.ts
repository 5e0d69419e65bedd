import { describe, expect, it } from "vitest";
import { buildCsp, cspDirectives, deploymentFromEnv, isHttpsDeployment, newNonce, nonceOf, pageHeaders } from "@/lib/platform/http";

const NONCE = "bm9uY2Utbm9uY2Utbm9uY2U=";
const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("buildCsp (issue 13, F6)", () => {
  it("production: scripts only by the nonce and strict-dynamic, no unsafe-inline or unsafe-eval for scripts", () => {
    const d = directives(buildCsp({ nonce: NONCE }));
    expect(d.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(buildCsp({ nonce: NONCE })).not.toContain("unsafe-eval");
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("has the agreed directives", () => {
    const d = directives(buildCsp({ nonce: NONCE }));
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get("font-src")).toEqual(["'self'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("frame-src")).toEqual(["'self'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    // plain http: no upgrade (it would send the browser to an https port that does not listen)
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });

  it("development (next dev) adds 'unsafe-eval' to scripts, and nothing else changes", () => {
    const prod = cspDirectives({ nonce: NONCE });
    const dev = cspDirectives({ nonce: NONCE, dev: true });
    expect(new Map(dev).get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev.filter(([n]) => n !== "script-src")).toEqual(prod.filter(([n]) => n !== "script-src"));
  });

  it("over HTTPS asks the browser to upgrade any http subresource", () => {
    expect(buildCsp({ nonce: NONCE, https: true }).endsWith("; upgrade-insecure-requests")).toBe(true);
  });

  it("refuses a nonce that could break out of the header or is too short to be unguessable", () => {
    expect(() => buildCsp({ nonce: "abc" })).toThrow();
    expect(() => buildCsp({ nonce: `${NONCE}'; script-src *` })).toThrow();
    expect(() => buildCsp({ nonce: "" })).toThrow();
  });

  it("newNonce: 128 random bits, base64, different every time; nonceOf reads it back", () => {
    const a = newNonce();
    const b = newNonce();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(nonceOf(buildCsp({ nonce: a }))).toBe(a);
  });
});

describe("pageHeaders and the deployment", () => {
  it("HSTS only when NEXTAUTH_URL is https", () => {
    expect(isHttpsDeployment("https://e-license.gov.kz")).toBe(true);
    expect(isHttpsDeployment("http://localhost:3000")).toBe(false);
    expect(isHttpsDeployment(undefined)).toBe(false);
    expect(isHttpsDeployment("not a url")).toBe(false);
    const https = pageHeaders(NONCE, deploymentFromEnv({ NODE_ENV: "production", NEXTAUTH_URL: "https://e-license.gov.kz/" }));
    expect(https["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    const http = pageHeaders(NONCE, deploymentFromEnv({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" }));
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(http["Content-Security-Policy"]).toBe(buildCsp({ nonce: NONCE }));
  });

  it("'unsafe-eval' only under next dev (NODE_ENV=development)", () => {
    expect(pageHeaders(NONCE, deploymentFromEnv({ NODE_ENV: "development" }))["Content-Security-Policy"]).toContain("'unsafe-eval'");
    for (const NODE_ENV of ["production", "test", undefined]) expect(pageHeaders(NONCE, deploymentFromEnv({ NODE_ENV }))["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });
});
