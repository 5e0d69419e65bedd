import { expect, expectAccessible, screenshot, test } from "./fixtures";

test.describe("service catalogue", () => {
  const HEADINGS = { kk: "Мемлекеттік қызметтер каталогы", ru: "Каталог государственных услуг", en: "Catalogue of state services" };

  for (const [locale, heading] of Object.entries(HEADINGS)) {
    test(`home page in ${locale} lists all 14 services`, async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.locator("main li h2")).toHaveCount(14);
      await expectAccessible(page);
      await screenshot(page, `catalogue-${locale}`);
    });
  }

  test("the root redirects to a locale", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/(kk|ru|en)$/);
  });

  test("search matches Kazakh letters and narrows the list", async ({ page }) => {
    await page.goto("/kk");
    await page.getByRole("searchbox").fill("сынық");
    await page.getByRole("button", { name: "Іздеу" }).click();
    await expect(page).toHaveURL(/q=/);
    const cards = page.locator("main li h2");
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText("металл");
  });

  test("filtering by provider keeps only its services, and the language switch keeps the filter", async ({ page }) => {
    await page.goto("/ru?org=aktobe");
    const cards = page.locator("main li h2");
    const n = await cards.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(14);
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\?org=aktobe$/);
    await expect(page.locator("main li h2")).toHaveCount(n);
  });

  test("a service page shows terms, documents, fee and refusal grounds", async ({ page }) => {
    await page.goto("/ru/services/scrap-metal-licence");
    await expect(page.getByRole("heading", { level: 2, name: "Основания для отказа" })).toBeVisible();
    const issueRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Выдача", exact: true }) });
    await expect(issueRow).toContainText("15 рабочих дней");
    await expectAccessible(page);
    await screenshot(page, "service-scrap-metal-ru");
  });

  test("an unknown service is a friendly 404", async ({ page }) => {
    const res = await page.goto("/en/services/no-such-service");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});
