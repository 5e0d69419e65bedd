import { readFile } from "node:fs/promises";
import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, STAFF_PASSWORD, test } from "./fixtures";

test.describe("supervisor dashboards", () => {
  test("aktobe.supervisor: deadlines in Russian and Kazakh, drill-down, CSV with a BOM", async ({ page }) => {
    await signIn(page, "aktobe.supervisor", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/supervisor$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Контроль сроков");
    await expect(page.getByText("По вашей организации")).toBeVisible();
    // Two labelled groups: the current step's deadlines (what officers must act on) and the overall term.
    const stepTiles = page.getByRole("list", { name: "По сроку текущего этапа (что должны сделать сотрудники)" });
    await expect(stepTiles.getByText("Просрочено")).toBeVisible();
    const tiles = page.getByRole("list", { name: "По общему сроку (когда результат должен получить заявитель)" });
    await expect(tiles.getByText("В работе")).toBeVisible();
    await expect(tiles.getByText("Просрочено")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Разделы контроля" }).getByRole("link", { name: "Сроки" })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
    await screenshot(page, "supervisor-dashboard-ru");

    // Every list; drill into the first application found (if the demo data has any).
    let opened = false;
    for (const list of ["Просроченные (сначала самые старые)", "Срок истекает сегодня", "Срок скоро истекает", "Выданные по молчаливому согласию"]) {
      await page.getByRole("navigation", { name: "Списки" }).getByRole("link", { name: list }).click();
      await expect(page.getByRole("heading", { level: 2, name: list })).toBeVisible();
      const first = page.locator("#lists").locator("tbody tr a").first();
      if ((await first.count()) > 0) {
        await first.click();
        await expect(page).toHaveURL(/\/ru\/supervisor\/applications\/[0-9a-f-]{36}$/);
        await expect(page.getByRole("heading", { level: 1 })).toContainText("Заявление");
        await expect(page.getByRole("heading", { level: 2, name: "Ход рассмотрения" })).toBeVisible();
        await expectAccessible(page);
        await screenshot(page, "supervisor-application-ru");
        await page.getByRole("link", { name: "Вернуться к срокам" }).click();
        opened = true;
        break;
      }
    }
    test.info().annotations.push({ type: "drill-down", description: opened ? "opened an application" : "no application in the demo data" });

    // CSV export of the breakdown: a download that starts with the UTF-8 BOM.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#breakdown").getByRole("link", { name: "Скачать CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^deadlines-service-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.split("\r\n")[0]).toContain("Услуга;В работе;Просрочено");
    expect(text).toContain("Итого;");

    // The same page in Kazakh.
    await page.goto("/kk/supervisor");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мерзімдерді бақылау");
    await expect(page.getByText("Сіздің ұйымыңыз бойынша")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Бөлініс" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "supervisor-dashboard-kk");
  });

  test("quality indicators: table with normative values, trend with a table fallback, CSV and PDF", async ({ page }) => {
    await signIn(page, "aktobe.supervisor", STAFF_PASSWORD, "kk");
    await page.goto("/kk/supervisor/quality?period=year");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Стандарттардың сапа көрсеткіштері");
    const totals = page.locator("#totals table");
    await expect(totals.getByRole("row")).toHaveCount(7);
    await expect(totals.getByText("1.1", { exact: true })).toBeVisible();
    await expect(totals.getByText("100 %").first()).toBeVisible();
    await expect(page.getByRole("img", { name: /Көрсеткіштер серпінінің графигі/ })).toBeVisible();
    await page.getByText("Серпінді кесте түрінде көрсету").click();
    await expect(page.locator("#trend table")).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "supervisor-quality-kk");

    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#totals").getByRole("link", { name: "CSV жүктеу" }).click()]);
    const bytes = await readFile((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const pdf = await page.request.get("/api/supervisor/report.pdf?locale=kk&period=year");
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("ministry.supervisor sees every organisation; the audit log; out of scope is 404", async ({ page }) => {
    await signIn(page, "ministry.supervisor", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/supervisor$/);
    await expect(page.getByText("По всем организациям")).toBeVisible();
    await expect(page.getByLabel("Организация")).toBeVisible();
    await page.getByRole("navigation", { name: "Разбивка по" }).getByRole("link", { name: "Организация" }).click();
    await expect(page.getByRole("table", { name: "Разбивка: Организация" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "supervisor-dashboard-ministry-ru");

    await page.getByRole("navigation", { name: "Разделы контроля" }).getByRole("link", { name: "Журнал действий" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Журнал действий");
    await expectAccessible(page);
    const res = await page.request.get("/api/supervisor/export/audit?locale=ru");
    expect(res.status()).toBe(200);
    expect([...(await res.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const missing = await page.goto("/ru/supervisor/applications/00000000-0000-4000-8000-000000000000");
    expect(missing?.status()).toBe(404);
  });

  test("applicants have no supervisor pages and no exports", async ({ page }) => {
    await signIn(page, "050340000009", APPLICANT_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/applicant$/);
    expect((await page.goto("/ru/supervisor"))?.status()).toBe(404);
    expect((await page.request.get("/api/supervisor/export/indicators?locale=ru")).status()).toBe(404);
  });
});
