import { expect, expectAccessible, screenshot, signIn, STAFF_PASSWORD, test } from "./fixtures";

test.describe("legal-entity registry lookup (walk-in intake, 001/002 process 4–5)", () => {
  test("aktobe.clerk finds an active entity and gets the regulation's message for a liquidated one (ru)", async ({ page }) => {
    await signIn(page, "aktobe.clerk", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/officer$/);
    await page.goto("/ru/officer/registry");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Запрос в ГБД «Юридические лица»");
    await expectAccessible(page);

    const bin = page.locator("#registry-bin");
    await bin.fill("050340000009");
    await page.getByRole("button", { name: "Запросить" }).click();
    const card = page.getByRole("region", { name: "«Ақтөбе Металл Ресурс» ЖШС" });
    await expect(card).toBeVisible();
    await expect(card).toContainText("Сведения получены");
    await expect(card).toContainText("050340000009");
    await expect(card).toContainText("Действующее");
    await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, "registry-lookup-found-ru");

    await bin.fill("200140000004");
    await page.getByRole("button", { name: "Запросить" }).click();
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toContainText("Отказ в связи с невозможностью получения данных");
    await expect(alert).toContainText("ликвидировано");
    await expect(card).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, "registry-lookup-liquidated-ru");
  });

  test("a BIN with a wrong check digit is refused at the field", async ({ page }) => {
    await signIn(page, "aktobe.clerk", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/officer$/);
    await page.goto("/ru/officer/registry");
    await page.locator("#registry-bin").fill("050340000008");
    await page.getByRole("button", { name: "Запросить" }).click();
    await expect(page.locator("#registry-bin-error")).toHaveText("БИН неверен (не сходится контрольный разряд).");
    await expect(page.locator("#registry-bin")).toHaveAttribute("aria-invalid", "true");
  });

  test("an applicant cannot open the officers' registry page", async ({ page }) => {
    await signIn(page, "050340000009", "Applicant-2026", "ru");
    await expect(page).toHaveURL(/\/ru\/applicant$/);
    const res = await page.goto("/ru/officer/registry");
    expect(res?.status()).toBe(404);
  });
});
