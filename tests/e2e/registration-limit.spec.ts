import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "@playwright/test";
import { e2eServerEnv } from "../../scripts/e2e-env.mjs";
import { APPLICANT_PASSWORD, expect, test } from "./fixtures";
import { openE2eDatabase } from "./support/actions";
import { e2eDatabaseUrl } from "./support/seed-submitted";

/**
 * Issue 13 F1/F4 through real requests: the registration action counts registrations per client
 * address (`publicLimiter("registration")`, PUBLIC_RATE_LIMIT_PER_MINUTE per minute). The shared
 * e2e server raises that limit for the other specs, so this spec starts a second instance of the
 * build — through scripts/serve.mjs, the server that appends the socket address to
 * X-Forwarded-For — on the same database with a limit of 3, and registers through the real form.
 * Every attempt sends a different X-Forwarded-For from the same socket: the fourth is still refused,
 * with the localized answer, because the key is the socket address (TRUSTED_PROXIES is unset).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const BASE = `http://localhost:${PORT}`;
const LIMIT = 3;
/** A demo applicant (legal entity): registering again gets the uniform answer and signs in, nothing is created. */
const BIN = "110740000007";

const message = (locale: string) => (JSON.parse(readFileSync(path.join(root, `messages/${locale}/api.json`), "utf8")) as { rate_limited: string }).rate_limited;

let server: ChildProcess;
let output = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), "-p", String(PORT)], {
    cwd: root,
    env: { ...process.env, ...e2eServerEnv({ databaseUrl: e2eDatabaseUrl(), port: PORT }), PUBLIC_RATE_LIMIT_PER_MINUTE: String(LIMIT), JOBS: "0", TRUSTED_PROXIES: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  server.stderr!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const until = Date.now() + 150_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`scripts/serve.mjs exited: ${output}`);
    const ok = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > until) throw new Error(`scripts/serve.mjs did not answer on ${BASE}: ${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
});

/** Registers through the form of `locale` in a fresh browser context whose requests all carry `xff`. */
async function register(browser: Browser, locale: string, xff: string) {
  const context = await browser.newContext({ baseURL: BASE, extraHTTPHeaders: { "X-Forwarded-For": xff } });
  const page = await context.newPage();
  await page.goto(`/${locale}/register`);
  await page.locator("input[name=kind][value=LEGAL_ENTITY]").check();
  const values = { identifier: BIN, name: "«Каспий Вторчермет» ЖШС", surname: "Жаңабергенов", givenName: "Арман", email: "office@caspian-scrap.example.kz", phone: "+7 7122 30 40 50", password: APPLICANT_PASSWORD, passwordConfirm: APPLICANT_PASSWORD };
  for (const [field, value] of Object.entries(values)) await page.locator(`#f-${field}`).fill(value);
  await page.locator("form button[type=submit]").click();
  return { context, page };
}

test("registration is limited per socket address: rotating X-Forwarded-For does not reset it", async ({ browser }) => {
  test.setTimeout(120_000);
  const db = await openE2eDatabase();
  try {
    await db.client.query(`DELETE FROM "RateLimit" WHERE key LIKE 'registration:%'`);
    for (let i = 1; i <= LIMIT; i++) {
      const { context, page } = await register(browser, "ru", `203.0.113.${i}`);
      // The uniform answer; the form then signs the applicant in with the password given.
      await page.waitForURL(/\/ru\/applicant\?registered=1$/, { timeout: 30_000 });
      await context.close();
    }
    for (const [locale, xff] of [["ru", "198.51.100.77"], ["kk", "1.2.3.4, 5.6.7.8"], ["en", "127.0.0.1"]] as const) {
      const { context, page } = await register(browser, locale, xff);
      await expect(page.locator("form [role=alert]")).toHaveText(message(locale), { timeout: 20_000 });
      expect(new URL(page.url()).pathname).toBe(`/${locale}/register`);
      await context.close();
    }
    // One key, the socket's address; nothing the client wrote.
    const keys = (await db.client.query<{ key: string; points: number }>(`SELECT key, points FROM "RateLimit" WHERE key LIKE 'registration:%'`)).rows;
    expect(keys.map((k) => k.key)).toHaveLength(1);
    expect(keys[0]!.key).toMatch(/^registration:ip:(127\.0\.0\.1|::1)$/);
    expect(Number(keys[0]!.points)).toBe(LIMIT + 3);
  } finally {
    await db.client.query(`DELETE FROM "RateLimit" WHERE key LIKE 'registration:%'`).catch(() => undefined);
    await db.close();
  }
});
