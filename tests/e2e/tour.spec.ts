import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, signIn, STAFF_PASSWORD, test } from "./fixtures";
import { seedCaseload, type CaseloadSeed } from "./support/seed-caseload";

/**
 * The README's "first five minutes": with the demo caseload loaded (as on the first `npm start`),
 * each role's main screen has work on it. Screenshots go to docs/screens/ for the README.
 */
const SHOTS = "docs/screens";
let seeded: CaseloadSeed;

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The worklist of the signed-in officer has at least one application row. */
async function expectWorklistRows(page: Page) {
  const table = page.locator("main table").first();
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr").first()).toBeVisible();
  expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  seeded = seedCaseload();
});

test.describe("first five minutes with the demo caseload", () => {
  test("office clerk: incoming applications to register (aktobe.clerk)", async ({ page }) => {
    await signIn(page, "aktobe.clerk", STAFF_PASSWORD, "en");
    await expect(page).toHaveURL(/\/en\/officer$/);
    await expectWorklistRows(page);
    await shot(page, "1-clerk-worklist");
  });

  test("head: assignments and decisions to sign (aktobe.head)", async ({ page }) => {
    await signIn(page, "aktobe.head", STAFF_PASSWORD, "en");
    await expectWorklistRows(page);
    await shot(page, "2-head-worklist");
  });

  test("executor: an application under review with its deadline (aktobe.executor)", async ({ page }) => {
    await signIn(page, "aktobe.executor", STAFF_PASSWORD, "en");
    await expectWorklistRows(page);
    await page.locator("main table tbody tr a").first().click();
    await expect(page).toHaveURL(/\/en\/officer\/applications\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Application");
    await shot(page, "3-executor-application");
  });

  test("other chains have work too (eko.deputy, committee.executor)", async ({ page }) => {
    for (const login of ["eko.deputy", "committee.executor"]) {
      await page.context().clearCookies();
      await signIn(page, login, STAFF_PASSWORD, "en");
      await expectWorklistRows(page);
    }
  });

  test("ministry supervisor: overdue and due-today cases across the country (ministry.supervisor)", async ({ page }) => {
    await signIn(page, "ministry.supervisor", STAFF_PASSWORD, "en");
    await expect(page).toHaveURL(/\/en\/supervisor$/);
    const tiles = page.getByRole("list", { name: "By the overall term (when the result is due to the applicant)" });
    const overdue = tiles.getByRole("listitem").filter({ hasText: "Overdue" }).locator(".text-3xl");
    await expect(overdue).not.toHaveText("0");
    await shot(page, "4-supervisor-deadlines");
    await page.goto("/en/supervisor/quality?period=year");
    await expect(page.locator("#totals table")).toBeVisible();
    await expect(page.locator("#totals table").getByText("%").first()).toBeVisible();
    await shot(page, "5-supervisor-quality");
  });

  test("public verification: the demo company's licences (no sign-in)", async ({ page }) => {
    expect(seeded.holderBin).toBe("050340000009");
    await page.goto(`/en/verify?q=${seeded.holderBin}`);
    await expect(page.getByText("No licences issued through the portal were found for this BIN/IIN.")).toHaveCount(0);
    await expect(page.getByText(/KZ\d{2}/).first()).toBeVisible();
    await shot(page, "6-public-verification");
  });
});
