import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsGzip, sendWebResponse, toWebRequest } from "@/lib/platform/http/node-bridge";

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["*", true],
    ["GZIP", true],
    ["gzip;q=0", false],
    ["gzip;q=0.0, identity", false],
    ["identity", false],
    ["", false],
  ])("%j → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
  it("reads repeated header lines", () => {
    expect(acceptsGzip(["identity", "gzip"])).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

/** A real server whose handler echoes the Fetch request it was given (toWebRequest → sendWebResponse). */
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const request = toWebRequest(req);
    if (!request) {
      res.writeHead(400).end("no request");
      return;
    }
    const text = request.body ? await request.text() : "";
    const size = Number(new URL(request.url).searchParams.get("size") ?? 0);
    await sendWebResponse(
      req,
      res,
      Response.json({ method: request.method, url: request.url, header: request.headers.get("x-test"), text, pad: "x".repeat(size) }, { headers: { "x-frame-options": "SAMEORIGIN" } }),
      { "X-Frame-Options": "DENY", "X-Extra": "1" },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("the Node ↔ Fetch bridge", () => {
  it("passes method, URL with query, headers and the streamed body; extra headers yield to the response's own", async () => {
    const res = await fetch(`${base}/a/b?x=1&y=%D0%B0`, { method: "POST", headers: { "x-test": "ok", "accept-encoding": "identity" }, body: "тело" });
    expect(await res.json()).toEqual({ method: "POST", url: `${base}/a/b?x=1&y=%D0%B0`, header: "ok", text: "тело", pad: "" });
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("x-extra")).toBe("1");
    expect(res.headers.get("content-encoding")).toBeNull();
  });

  it("gzips a large body for a client that accepts it, and says it varies by Accept-Encoding", async () => {
    const small = await fetch(`${base}/?size=10`, { headers: { "accept-encoding": "gzip" } });
    expect(small.headers.get("content-encoding")).toBeNull();
    const large = await fetch(`${base}/?size=5000`, { headers: { "accept-encoding": "gzip" } });
    expect(large.headers.get("content-encoding")).toBe("gzip");
    expect(large.headers.get("vary")).toBe("Accept-Encoding");
    expect(((await large.json()) as { pad: string }).pad).toHaveLength(5000);
  });
});
