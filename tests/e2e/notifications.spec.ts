import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, test } from "./fixtures";

test.describe("notifications", () => {
  test("an applicant opens “My notifications” in Kazakh: an empty state or the list, accessible", async ({ page }) => {
    await signIn(page, "050340000009", APPLICANT_PASSWORD, "kk");
    await expect(page).toHaveURL(/\/kk\/applicant$/);

    await page.goto("/kk/notifications");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Менің хабарламаларым");
    const items = page.locator("main ul > li");
    if ((await items.count()) === 0) {
      await expect(page.getByText("Сізде әзірге хабарлама жоқ.")).toBeVisible();
    } else {
      // Every notification has a title, a time and a link.
      await expect(items.first().getByRole("heading", { level: 2 })).toBeVisible();
      await expect(items.first().locator("time")).toHaveAttribute("datetime", /Z$/);
      await expect(items.first().getByRole("link", { name: "Ашу" })).toBeVisible();
      const markAll = page.getByRole("button", { name: "Барлығын оқылды деп белгілеу" });
      if (await markAll.isVisible()) {
        await markAll.click();
        await expect(page.getByText("Барлығы оқылды")).toBeVisible();
      }
    }
    await expectAccessible(page);
    await screenshot(page, "notifications-applicant-kk");
  });

  test("the development mailbox is not for applicants", async ({ page }) => {
    await signIn(page, "050340000009", APPLICANT_PASSWORD, "kk");
    await expect(page).toHaveURL(/\/kk\/applicant$/);
    const res = await page.goto("/kk/dev/mailbox");
    expect(res?.status()).toBe(404);
  });

  test("signed out, “My notifications” sends to sign-in", async ({ page }) => {
    await page.goto("/kk/notifications");
    await expect(page).toHaveURL(/\/kk\/sign-in$/);
  });
});
