import type { Page } from "@playwright/test";
import { APPLICANT_PASSWORD, expect, signIn, STAFF_PASSWORD, test } from "./fixtures";
import { fillForm, payFee, signAndSubmit, startScrapApplication, uploadScans } from "./support/applicant-steps";
import { demoKeyStore, EDS_PASSWORD } from "./support/demo-keys";

/**
 * Issue 13, F6: every page carries a Content-Security-Policy with a fresh nonce, Next.js runs under
 * it (its scripts carry the nonce, nothing is refused), and the main journeys of each role — the
 * applicant's in-browser EDS signing and the sandbox payment page included — log no CSP violation.
 */
const BIN = "050340000009"; // «Ақтөбе Металл Ресурс» ЖШС (demo applicant)
const CSP_MESSAGE = /Content[- ]Security[- ]Policy|Refused to/i;

type Seen = { violations: string[]; documents: { url: string; status: number; csp: string | undefined }[] };

/** Records, for the page's lifetime, CSP violations (console and the page's own event) and every main-frame document answer. */
async function watch(page: Page): Promise<Seen> {
  const seen: Seen = { violations: [], documents: [] };
  // The page's own report of each violation, whatever the browser's console wording.
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)));
  page.on("console", (m) => {
    if (CSP_MESSAGE.test(m.text())) seen.violations.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => {
    if (CSP_MESSAGE.test(e.message)) seen.violations.push(`${page.url()}: ${e.message}`);
  });
  page.on("response", (r) => {
    if (r.request().resourceType() === "document" && r.frame() === page.mainFrame()) seen.documents.push({ url: r.url(), status: r.status(), csp: r.headers()["content-security-policy"] });
  });
  return seen;
}

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

/** Opens a page and checks its policy: a nonce, strict-dynamic, no eval; Next's scripts carry that nonce and ran. */
async function visit(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res, path).not.toBeNull();
  expect(res!.status(), path).toBeLessThan(500);
  const csp = res!.headers()["content-security-policy"];
  const nonce = nonceOf(csp);
  expect(nonce, `${path}: CSP with a nonce`).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  // The nonce is on the page's scripts (browsers hide the attribute; the property keeps it) …
  expect(await page.evaluate((n) => [...document.scripts].filter((s) => s.nonce === n).length, nonce), `${path}: scripts with the nonce`).toBeGreaterThan(0);
  // … and Next's client runtime ran under the policy.
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version), undefined, { timeout: 15_000 });
}

/** Every portal page answered during the test had a nonce policy; nothing was refused. */
function expectClean(seen: Seen) {
  const pages = seen.documents.filter((d) => new URL(d.url).pathname.startsWith("/api/") === false);
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.filter((d) => !nonceOf(d.csp)).map((d) => `${d.status} ${d.url}`)).toEqual([]);
  expect(seen.violations).toEqual([]);
}

async function signInAs(page: Page, login: string, password: string) {
  await page.context().clearCookies();
  await signIn(page, login, password, "ru");
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test.describe.configure({ mode: "serial" });
let applicationId: string | undefined;

test("visitor: public pages, a 404 and the locale redirect", async ({ page }) => {
  const seen = await watch(page);
  for (const p of ["/", "/ru", "/kk", "/en", "/ru/services/scrap-metal-licence", "/ru/sign-in", "/ru/register", "/ru/verify", "/ru/demo-certificates", "/ru/no-such-page"]) await visit(page, p);
  const nonces = new Set(seen.documents.map((d) => nonceOf(d.csp)));
  expect(nonces.size, "a fresh nonce for every answer").toBe(seen.documents.length);
  expectClean(seen);
});

test("applicant: EDS sign-in with a demo key store (node-forge in the browser)", async ({ page }) => {
  test.setTimeout(90_000);
  const seen = await watch(page);
  const auth = await demoKeyStore(page, { bin: BIN, role: "first_head", purpose: "authentication", status: "valid" });
  await visit(page, "/ru/sign-in?method=eds");
  await page.locator("#eds-file").setInputFiles(auth);
  await page.locator("#eds-password").fill(EDS_PASSWORD);
  await page.getByRole("button", { name: "Войти с ЭЦП" }).click();
  await page.waitForURL(/\/ru\/applicant$/, { timeout: 30_000 });
  expectClean(seen);
});

test("applicant: main pages, then form, uploads, sandbox payment and EDS signing; uploads come back as sandboxed attachments", async ({ page }) => {
  test.setTimeout(180_000);
  const seen = await watch(page);
  const signing = await demoKeyStore(page, { bin: BIN, role: "first_head", purpose: "signing", status: "valid" });
  await signInAs(page, BIN, APPLICANT_PASSWORD);
  for (const p of ["/ru/applicant", "/ru/licences", "/ru/notifications", "/ru/me", "/ru/applicant/complaints", "/ru/applicant/api-tokens"]) await visit(page, p);

  const id = await startScrapApplication(page, "ru");
  applicationId = id;
  await fillForm(page, "ru");
  await uploadScans(page);
  const href = await page.locator("a[href^='/api/files/']").first().getAttribute("href");
  const file = await page.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="scan-\d\.pdf"/);
  expect(file.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");

  await payFee(page, id);
  await signAndSubmit(page, "ru", signing, EDS_PASSWORD);
  expectClean(seen);
});

test("officer, supervisor and administrator: their main pages", async ({ page }) => {
  test.setTimeout(180_000);
  const seen = await watch(page);
  const roles: [string, string[]][] = [
    ["aktobe.clerk", ["/ru/officer", ...(applicationId ? [`/ru/officer/applications/${applicationId}`] : []), "/ru/officer/registry", "/ru/officer/walk-in", "/ru/notifications", "/ru/me"]],
    ["aktobe.supervisor", ["/ru/supervisor", "/ru/supervisor/quality", "/ru/supervisor/audit", "/ru/supervisor/complaints"]],
    ["admin", ["/ru/admin", "/ru/admin/officers", "/ru/admin/regulations", "/ru/admin/calendar", "/ru/admin/certificates"]],
  ];
  for (const [login, pages] of roles) {
    await signInAs(page, login, STAFF_PASSWORD);
    for (const p of pages) await visit(page, p);
  }
  expectClean(seen);
});
