import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, STAFF_PASSWORD, test } from "./fixtures";

const ROLES = [
  { login: "050340000009", password: APPLICANT_PASSWORD, path: "/ru/applicant", heading: "Мои заявления" },
  { login: "aktobe.clerk", password: STAFF_PASSWORD, path: "/ru/officer", heading: "Рабочий список" },
  { login: "aktobe.head", password: STAFF_PASSWORD, path: "/ru/officer", heading: "Рабочий список" },
  { login: "aktobe.executor", password: STAFF_PASSWORD, path: "/ru/officer", heading: "Рабочий список" },
  { login: "eko.deputy", password: STAFF_PASSWORD, path: "/ru/officer", heading: "Рабочий список" },
  { login: "eko.department", password: STAFF_PASSWORD, path: "/ru/officer", heading: "Рабочий список" },
  { login: "aktobe.supervisor", password: STAFF_PASSWORD, path: "/ru/supervisor", heading: "Контроль сроков" },
  { login: "admin", password: STAFF_PASSWORD, path: "/ru/admin", heading: "Администрирование" },
];

test.describe("sign-in", () => {
  for (const r of ROLES) {
    test(`${r.login} lands on ${r.path}`, async ({ page }) => {
      await signIn(page, r.login, r.password);
      await expect(page).toHaveURL(new RegExp(`${r.path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(r.heading);
      await expectAccessible(page);
      await screenshot(page, `home-${r.login}`);
    });
  }

  test("a wrong password gives one generic message and no session", async ({ page }) => {
    await signIn(page, "aktobe.clerk", "not-the-password");
    await expect(page.locator("main").getByRole("alert")).toHaveText("Неверный логин или пароль.");
    await signIn(page, "no-such-user", "whatever-password");
    await expect(page.locator("main").getByRole("alert")).toHaveText("Неверный логин или пароль.");
    await page.goto("/ru/officer");
    await expect(page).toHaveURL(/\/ru\/sign-in$/);
  });

  test("a signed-in officer cannot open another role's pages", async ({ page }) => {
    await signIn(page, "aktobe.executor", STAFF_PASSWORD);
    await expect(page).toHaveURL(/\/ru\/officer$/);
    const res = await page.goto("/ru/admin");
    expect(res?.status()).toBe(404);
  });

  test("sign-out ends the session", async ({ page }) => {
    await signIn(page, "aktobe.head", STAFF_PASSWORD, "kk");
    await expect(page).toHaveURL(/\/kk\/officer$/);
    await page.getByRole("button", { name: "Шығу" }).click();
    await expect(page).toHaveURL(/\/kk$/);
    await page.goto("/kk/officer");
    await expect(page).toHaveURL(/\/kk\/sign-in$/);
  });
});
