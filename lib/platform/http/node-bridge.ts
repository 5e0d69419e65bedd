import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

/** Bodies below this many bytes go out as they are (as Next's own compression does). */
const GZIP_THRESHOLD = 1024;

/**
 * A Node request as a Fetch `Request` (what route handlers take): the URL from the Host header, the
 * headers as received, the body streamed (read only by the handler, up to its own limit). Null when
 * the request cannot be expressed as one (no Host, a header the Fetch API refuses): the caller then
 * leaves it to the framework.
 */
export function toWebRequest(req: IncomingMessage): Request | null {
  const host = req.headers.host;
  if (!host || !req.url?.startsWith("/") || !req.method) return null;
  try {
    const url = new URL(req.url, `http://${host}`);
    const headers = new Headers();
    const raw = req.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    return new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      // Required by the Fetch API for a streamed request body.
      ...(hasBody ? { duplex: "half" } : {}),
    } as RequestInit);
  } catch {
    return null;
  }
}

/**
 * Writes a Fetch `Response` to a Node response: its status and headers plus `extra` (which the
 * response's own headers override), the body buffered (JSON answers) and gzip-encoded when the client
 * accepts it and it is large enough. The connection closes after it when the request's body was not
 * read to the end.
 */
export async function sendWebResponse(req: IncomingMessage, res: ServerResponse, response: Response, extra: Readonly<Record<string, string>> = {}): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(extra)) headers[key.toLowerCase()] = value;
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  let body = Buffer.from(await response.arrayBuffer());
  headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
  if (body.length >= GZIP_THRESHOLD && !headers["content-encoding"] && acceptsGzip(req.headers["accept-encoding"])) {
    body = await gzipAsync(body);
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = String(body.length);
  // A body the handler did not read to the end (refused over its limit) is not drained: the
  // connection closes after this answer rather than carry the rest into the next request.
  if (!req.complete) headers.connection = "close";
  res.writeHead(response.status, headers);
  res.end(body);
}

/** Whether an Accept-Encoding header allows gzip (`gzip;q=0` refuses it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}
