import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The sandbox TSA route (`POST /api/pki/tsa`) behind a real HTTP listener on 127.0.0.1, so the
 * portal's time-stamp client reaches it over the network as it would a real TSA (TSA_URL). The
 * route reads the database of DATABASE_URL: set it to the test database before starting.
 */
export async function startTsaServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const { POST } = await import("@/app/api/pki/tsa/route");
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      POST(request)
        .then(async (r) => {
          res.writeHead(r.status, Object.fromEntries(r.headers.entries()));
          res.end(Buffer.from(await r.arrayBuffer()));
        })
        .catch((e: unknown) => {
          res.writeHead(500);
          res.end(String(e));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/pki/tsa`,
    // The route's shared rate limit holds a pool on DATABASE_URL: closed before that database is dropped.
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const { closeLimitsPool } = await import("@/lib/platform/limits");
      await closeLimitsPool();
    },
  };
}
