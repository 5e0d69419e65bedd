import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test as base } from "@playwright/test";

export const STAFF_PASSWORD = "Demo-Pass-2026";
export const APPLICANT_PASSWORD = "Applicant-2026";

/** Signs in through the real form and waits for the role's home. */
export async function signIn(page: Page, login: string, password: string, locale = "ru") {
  await page.goto(`/${locale}/sign-in`);
  await page.locator("#f-login").fill(login);
  await page.locator("#f-password").fill(password);
  await page.locator("form button[type=submit]").click();
  // Either the role's home opens or the form shows its error: never race on with a half-done sign-in.
  await Promise.race([
    page.waitForURL((u) => !u.pathname.endsWith("/sign-in"), { timeout: 20_000 }),
    page.locator("main [role=alert]").first().waitFor({ timeout: 20_000 }),
  ]).catch(() => {});
}

/** Fails on any serious or critical accessibility violation of the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}

/** Saves a screenshot for people to look at (test-results/screens/<name>.png). */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

export const test = base;
export { expect };
