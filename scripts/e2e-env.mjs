// The environment of a portal instance for the browser tests: scripts/e2e-server.mjs (Playwright's
// server) and the specs that start a second instance on the same database with other limits
// (tests/e2e/registration-limit.spec.ts).

/** `databaseUrl`: the e2e database; `port`: where this instance listens (its NEXTAUTH_URL). */
export function e2eServerEnv({ databaseUrl, port }) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production",
    PAYMENT_GATEWAY_SECRET: "e2e-payment-gateway-secret-not-for-production",
    NEXTAUTH_URL: `http://localhost:${port}`,
    E2E: "1",
    DEMO_MODE: "1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
}
