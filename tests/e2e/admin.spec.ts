import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, signIn, STAFF_PASSWORD, test } from "./fixtures";

const AKTOBE_RU = "ГУ «Управление энергетики и коммунального хозяйства Актюбинской области»";

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const adminNav = (page: Page) => page.getByRole("navigation", { name: "Разделы администрирования" });

/** A valid IIN (check digit as in lib/platform/core/iin-bin.ts), different on every run: born 1985, serial from the clock. */
function freshIin(): string {
  const digits = (s: string) => [...s].map(Number);
  for (let n = Date.now() % 10_000; ; n = (n + 1) % 10_000) {
    const first11 = `850315${"3"}${String(n).padStart(4, "0")}`;
    const d = digits(first11);
    const sum = (w: number[]) => d.reduce((s, x, i) => s + x * w[i]!, 0) % 11;
    let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    if (c !== 10) return `${first11}${c}`;
  }
}

test.describe("administration (ru)", () => {
  test("admin creates an officer who appears in the list and can sign in with the password shown once", async ({ page }) => {
    await signIn(page, "admin", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/admin$/);
    await expect(h1(page)).toHaveText("Администрирование");
    await expectAccessible(page);

    // Organisation page → "add an officer" (the organisation is preselected).
    await page.getByRole("link", { name: AKTOBE_RU, exact: true }).click();
    await expect(h1(page)).toHaveText(AKTOBE_RU);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Добавить сотрудника" }).click();
    await expect(h1(page)).toHaveText("Новый сотрудник");
    await expect(page.locator("#of-organisationId")).not.toHaveValue("");

    const login = `e2e.head.${Date.now().toString(36)}`;
    await page.locator("#of-login").fill(login);
    await page.locator("#of-iin").fill(freshIin());
    await page.locator("#of-surname").fill("Жұмабекова");
    await page.locator("#of-givenName").fill("Әйгерім");
    await page.locator("#of-patronymic").fill("Серікқызы");
    await page.locator("#of-role").selectOption("HEAD");
    // The signing right appears for heads and deputy heads only.
    await page.getByLabel("Право подписи решений ЭЦП").check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Создать сотрудника" }).click();

    await expect(page.locator("main").getByRole("status").filter({ hasText: `Сотрудник ${login} создан.` })).toBeVisible();
    const password = (await page.getByTestId("generated-password").textContent())?.trim() ?? "";
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    await expectAccessible(page);
    await screenshot(page, "admin-officer-created-ru");

    // The list, filtered by role and searched by login.
    await adminNav(page).getByRole("link", { name: "Сотрудники и роли" }).click();
    await expect(h1(page)).toHaveText("Сотрудники и роли");
    await page.locator("#of-role").selectOption("HEAD");
    await page.locator("#of-q").fill(login);
    await page.getByRole("button", { name: "Применить" }).click();
    await expect(page).toHaveURL(/role=HEAD/);
    const row = page.getByRole("row").filter({ hasText: login });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Жұмабекова Әйгерім Серікқызы");
    await expect(row).toContainText("Руководитель");
    await expect(row).toContainText("Подписывает решения");
    await expect(row).toContainText("Активен");
    await expectAccessible(page);
    await screenshot(page, "admin-officers-list-ru");

    // The new head signs in with the generated password.
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/ru$/);
    await signIn(page, login, password, "ru");
    await expect(page).toHaveURL(/\/ru\/officer$/);
  });

  test("admin adds a holiday to a year and sees it (then removes it again)", async ({ page }) => {
    await signIn(page, "admin", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/admin$/);
    await adminNav(page).getByRole("link", { name: "Производственный календарь" }).click();
    await expect(h1(page)).toHaveText("Производственный календарь");
    await expect(page.locator("main")).toContainText("Заявления, которые уже в работе, сохраняют сроки, рассчитанные до изменения.");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Изменить календарь 2028 года" }).click();
    await expect(h1(page)).toHaveText("Календарь 2028 года");
    const holidays = page.getByRole("region", { name: /^Праздничные дни/ });
    // Tuesday 21 November 2028: an ordinary working day until now.
    await expect(holidays.locator('time[datetime="2028-11-21"]')).toHaveCount(0);
    await holidays.getByLabel("Добавить дату (Праздничные дни)").fill("2028-11-21");
    await holidays.getByRole("button", { name: "Добавить (Праздничные дни)" }).click();
    await expect(holidays.locator('time[datetime="2028-11-21"]')).toBeVisible();
    await expect(page.locator("main")).toContainText("Есть несохранённые изменения.");
    await page.getByRole("button", { name: "Сохранить год" }).click();
    await expect(page.locator("main").getByRole("status").filter({ hasText: "Год сохранён." })).toBeVisible();

    await page.reload();
    await expect(holidays.locator('time[datetime="2028-11-21"]')).toContainText("21 ноября 2028");
    // "Last changed …, by" names the administrator (demo account "admin").
    await expect(page.locator("main")).toContainText("Әбенов Серік");
    await expectAccessible(page);
    await screenshot(page, "admin-calendar-holiday-ru");

    // Leave the calendar as the other journeys expect it.
    await holidays.getByRole("button", { name: /^Удалить 21 ноября 2028/ }).click();
    await page.getByRole("button", { name: "Сохранить год" }).click();
    await expect(page.locator("main").getByRole("status").filter({ hasText: "Год сохранён." })).toBeVisible();
    await page.reload();
    await expect(holidays.locator('time[datetime="2028-11-21"]')).toHaveCount(0);
  });

  test("admin opens a regulation version's steps; an invalid file is refused with the field named", async ({ page }) => {
    await signIn(page, "admin", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/admin$/);
    await adminNav(page).getByRole("link", { name: "Регламенты" }).click();
    await expect(h1(page)).toHaveText("Регламенты");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Шаги регламента aktobe-2014-scrap, версия 1" }).click();
    await expect(h1(page)).toHaveText("aktobe-2014-scrap, версия 1");
    const issue = page.getByRole("table", { name: "Шаги: Выдача", exact: true });
    await expect(issue.getByRole("row")).toHaveCount(6);
    const first = issue.getByRole("row").nth(1);
    await expect(first).toContainText("Регистрация");
    await expect(first).toContainText("Сотрудник канцелярии");
    await expect(first).toContainText("Приём и регистрация документов");
    await expect(first).toContainText("15 минут");
    const review = issue.getByRole("row").nth(3);
    await expect(review).toContainText("Рассмотрение");
    await expect(review).toContainText("Ответственный исполнитель");
    await expect(review).toContainText("5 рабочих дней");
    await expectAccessible(page);
    await screenshot(page, "admin-regulation-steps-ru");

    // A file whose first step is given to a supervisor: nothing is activated, the field is named.
    await page.getByRole("link", { name: "← Все версии" }).click();
    const file = JSON.parse(readFileSync(path.join(process.cwd(), "lib/law/regulations/data/aktobe-2014-scrap.json"), "utf8"));
    file.versions[0].id = "e2e-broken-scrap";
    file.versions[0].variants.issue.steps[0].role = "SUPERVISOR";
    await page.getByLabel("Файл регламента (JSON)").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole("button", { name: "Проверить и активировать" }).click();
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toContainText("Файл не активирован: исправьте поля ниже.");
    await expect(alert).toContainText("versions[0].variants.issue.steps[0].role");
    await expect(page.getByRole("link", { name: /e2e-broken-scrap/ })).toHaveCount(0);
    await expectAccessible(page);
  });
});
