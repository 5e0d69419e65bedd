import { BlockList, isIP } from "node:net";

/**
 * The client's address, the one every limit and the audit trail use (F1, F11).
 *
 * `X-Forwarded-For` is a list that each proxy appends to; only the entries added by our own proxies
 * can be believed. So the list is read from the right: the rightmost entry is the address of the
 * socket the request came in on, because the portal's own server (scripts/serve.mjs, which every
 * launcher uses: npm start, the cluster, the tests, the container) appends it before Next sees the
 * request — Next alone would fill it only when the client sent none. While that address is one of
 * `TRUSTED_PROXIES` (our own load balancers, which set the header from their socket:
 * deploy/haproxy.cfg), the next entry to the left is taken instead. What a client wrote further
 * left is never used, so a client talking straight to the portal cannot choose its own key.
 * `X-Real-IP` is ignored (any client can send it).
 */
export type TrustedProxies = { readonly list: BlockList; readonly size: number };

function normalise(ip: string): string {
  const s = ip.trim().replace(/^\[|\]$/g, "");
  // IPv4 written as IPv6 (::ffff:10.0.0.1), as Node reports sockets of a dual-stack server.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  return mapped ? mapped[1]! : s;
}

/** `TRUSTED_PROXIES`: a comma list of addresses and CIDR blocks (IPv4 or IPv6); empty = none. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const list = new BlockList();
  let size = 0;
  for (const part of (raw ?? "").split(",")) {
    const item = part.trim();
    if (!item) continue;
    const [addr, prefix, ...rest] = item.split("/");
    const ip = normalise(addr ?? "");
    const family = isIP(ip);
    if (!family || rest.length > 0) throw new Error(`TRUSTED_PROXIES: ${JSON.stringify(item)} is not an IP address or CIDR block`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(ip, type);
    else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) throw new Error(`TRUSTED_PROXIES: ${JSON.stringify(item)} has a bad prefix length`);
      list.addSubnet(ip, bits, type);
    }
    size++;
  }
  return { list, size };
}

let cached: { raw: string | undefined; value: TrustedProxies } | undefined;

/** The proxies of `TRUSTED_PROXIES` (parsed once per value). */
export function trustedProxies(env: Record<string, string | undefined> = process.env): TrustedProxies {
  const raw = env.TRUSTED_PROXIES;
  if (!cached || cached.raw !== raw) cached = { raw, value: parseTrustedProxies(raw) };
  return cached.value;
}

function isTrusted(ip: string, trusted: TrustedProxies): boolean {
  const family = isIP(ip);
  return family !== 0 && trusted.size > 0 && trusted.list.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client address from the `X-Forwarded-For` value (null: none known). An entry that is not an
 * IP address ends the walk: whatever sent it is not one of ours, and neither is what it wrote.
 */
export function clientAddress(forwardedFor: string | null | undefined, trusted: TrustedProxies = trustedProxies()): string | null {
  if (!forwardedFor) return null;
  const hops = forwardedFor.split(",").map(normalise).filter((s) => s.length > 0);
  let candidate: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return candidate;
    candidate = hop;
    if (!isTrusted(hop, trusted)) return hop;
  }
  // Every hop is one of our proxies: the leftmost is the closest we know to the client.
  return candidate;
}
