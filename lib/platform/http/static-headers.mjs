// The headers every response of the portal carries, in one place: next.config.js gives them to Next
// (its `headers()`), and the /api/v1 fast path (app/api/v1/_lib/fast-path.ts) sets them on the
// responses it writes without Next. Plain JavaScript because next.config.js imports it.

/** Every response (docs/security.md). */
export const STATIC_HEADERS = Object.freeze([
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
]);
