import { expect, expectAccessible, screenshot, signIn, STAFF_PASSWORD, test } from "./fixtures";
import { pdf } from "./support/demo-keys";

/** A calendar day in Almaty, `daysAgo` days before today (YYYY-MM-DD). */
function almatyDay(daysAgo: number) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );
}

const PAPER = ["application", "charter", "tax_registration_certificate", "licence_fee_receipt", "qualification_documents"];

test.describe("walk-in intake at the counter (001/002: through the provider)", () => {
  test("aktobe.clerk accepts a paper application for the scrap-metal licence and prints the registration receipt (ru)", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "aktobe.clerk", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/officer$/);
    await page.goto("/ru/officer/walk-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Приём документов в канцелярии");
    await expectAccessible(page);

    // (a) The applicant: the "Legal entities" database returns the entity.
    await page.locator("#walk-in-bin").fill("050340000009");
    await page.getByRole("button", { name: "Запросить" }).click();
    await expect(page.getByRole("region", { name: "«Ақтөбе Металл Ресурс» ЖШС" })).toContainText("Сведения получены");
    await expect(page.locator("#wi-service-code")).toHaveValue("scrap-metal-licence");
    await expect(page.locator("#wi-variant")).toHaveValue("issue");

    // A representative: refused until the power of attorney is marked as notarised.
    await page.getByLabel("Заявителя представляет лицо, действующее по доверенности").check();
    await page.locator("#wi-rep-iin").fill("850315400015");
    await page.locator("#wi-rep-name").fill("Жұмабаев Ержан Серікұлы");
    await page.locator("#wi-rep-number").fill("2-1187");
    await page.locator("#wi-rep-date").fill(almatyDay(30));
    await page.getByRole("button", { name: "Начать приём" }).click();
    await expect(page.locator("main").getByRole("alert")).toContainText("Принимается только нотариально удостоверенная доверенность");
    await expect(page).toHaveURL(/\/ru\/officer\/walk-in$/);
    await expectAccessible(page);
    await screenshot(page, "walk-in-start-poa-refused-ru");

    await page.getByLabel("Доверенность удостоверена нотариусом").check();
    await screenshot(page, "walk-in-start-ru");
    await page.getByRole("button", { name: "Начать приём" }).click();
    await expect(page).toHaveURL(/\/ru\/officer\/walk-in\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Заявление в канцелярии: «Ақтөбе Металл Ресурс» ЖШС");
    await expect(page.locator("main")).toContainText("Жұмабаев Ержан Серікұлы, ИИН 850315400015; доверенность № 2-1187");
    await expectAccessible(page);

    // (b) The application form and (c) the paper checklist.
    await page.getByLabel("Сбор (заготовка) лома и отходов черных металлов").check();
    await page.getByLabel("Хранение лома и отходов черных металлов").check();
    await page.locator("#wi-f-activityAddress").fill("Ақтөбе қ., Өнеркәсіп аймағы, 12");
    await page.locator("#wi-f-contactPhone").fill("+7 7132 55 10 20");
    await page.locator("#wi-f-contactEmail").fill("info@aktobe-metall.example.kz");
    const checklist = page.getByRole("group", { name: "Представленные бумажные документы" });
    for (const box of await checklist.getByRole("checkbox").all()) await box.check();
    await page.getByRole("button", { name: "Сохранить форму и перечень" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Сохранено" })).toBeVisible();

    // (c) Scans of every document handed over.
    const scans = page.getByRole("region", { name: /Сканы бумажных документов/ });
    const inputs = scans.locator('input[type="file"]');
    await expect(inputs).toHaveCount(PAPER.length);
    for (const [i, key] of PAPER.entries()) {
      await inputs.nth(i).setInputFiles(pdf(`${key}.pdf`));
      await expect(scans.getByRole("link", { name: new RegExp(`${key}\\.pdf`) }).first()).toBeVisible();
      await expect(inputs.nth(i)).toBeEnabled();
    }
    await screenshot(page, "walk-in-package-ru");

    // (d) The fee receipt: the amount is prefilled from the catalogue fee, the date with today.
    await expect(page.locator("#wi-receipt-amount")).not.toHaveValue("");
    await expect(page.locator("#wi-receipt-date")).toHaveValue(almatyDay(0));
    await page.locator("#wi-receipt-number").fill(`E2E-${Date.now()}`);
    await page.getByRole("button", { name: "Внести квитанцию" }).click();
    await expect(page.locator("main")).toContainText("Квитанция об оплате сбора внесена");

    // (e) Review and register.
    await expect(page.locator("main")).toContainText("Всё готово: зарегистрируйте заявление");
    await expectAccessible(page);
    await screenshot(page, "walk-in-ready-ru");
    await page.getByRole("button", { name: "Зарегистрировать заявление" }).click();

    // (f) The printable receipt.
    await expect(page).toHaveURL(/\/ru\/officer\/walk-in\/[0-9a-f-]{36}\/receipt$/);
    const title = page.getByRole("heading", { level: 1 });
    await expect(title).toHaveText(/^Расписка о регистрации № EL-\d{4}-\d{7}$/);
    const number = (await title.textContent())!.replace("Расписка о регистрации № ", "").trim();
    const receipt = page.getByRole("article");
    await expect(receipt).toContainText("«Ақтөбе Металл Ресурс» ЖШС");
    await expect(receipt).toContainText("050340000009");
    await expect(receipt).toContainText("Жұмабаев Ержан Серікұлы");
    await expect(receipt).toContainText("Сәрсенова Айгүл");
    await expect(receipt).toContainText("Срок готовности результата");
    await expect(receipt.getByRole("listitem")).toHaveCount(PAPER.length);
    await expect(page.getByRole("button", { name: "Распечатать" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "walk-in-receipt-ru");

    // On paper: only the receipt.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("body > header")).toBeHidden();
    await expect(page.getByRole("button", { name: "Распечатать" })).toBeHidden();
    await expect(receipt).toBeVisible();
    await screenshot(page, "walk-in-receipt-print-ru");
    await page.emulateMedia({ media: "screen" });

    // Registered like a portal application: it waits for the head's resolution.
    await page.context().clearCookies();
    await signIn(page, "aktobe.head", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/officer$/);
    await page.goto(`/ru/officer?q=${number}`);
    await expect(page.getByRole("row").filter({ hasText: number })).toContainText("«Ақтөбе Металл Ресурс» ЖШС");
  });

  test("a liquidated BIN gets the regulation's “data cannot be obtained” and no way forward (ru)", async ({ page }) => {
    await signIn(page, "aktobe.clerk", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/officer$/);
    await page.goto("/ru/officer/walk-in");
    await page.locator("#walk-in-bin").fill("200140000004");
    await page.getByRole("button", { name: "Запросить" }).click();
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toContainText("Отказ в связи с невозможностью получения данных");
    await expect(alert).toContainText("ликвидировано");
    await expect(page.getByRole("button", { name: "Начать приём" })).toHaveCount(0);
    await expect(page.locator("main")).toContainText("Сначала запросите ГБД «Юридические лица»");
    await expectAccessible(page);
    await screenshot(page, "walk-in-liquidated-ru");

    // An active entity first, then the liquidated one: the intake form goes away again.
    await page.locator("#walk-in-bin").fill("150240000006");
    await page.getByRole("button", { name: "Запросить" }).click();
    await expect(page.getByRole("button", { name: "Начать приём" })).toBeVisible();
    await page.locator("#walk-in-bin").fill("200140000004");
    await page.getByRole("button", { name: "Запросить" }).click();
    await expect(page.locator("main").getByRole("alert")).toContainText("Отказ в связи с невозможностью получения данных");
    await expect(page.getByRole("button", { name: "Начать приём" })).toHaveCount(0);
  });

  test("the walk-in intake is the clerk's: an executor gets 404", async ({ page }) => {
    await signIn(page, "aktobe.executor", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/officer$/);
    const res = await page.goto("/ru/officer/walk-in");
    expect(res?.status()).toBe(404);
  });

  test("the intake start page in Kazakh and English is accessible", async ({ page }) => {
    await signIn(page, "aktobe.clerk", STAFF_PASSWORD, "kk");
    await expect(page).toHaveURL(/\/kk\/officer$/);
    await page.goto("/kk/officer/walk-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Кеңседе құжаттарды қабылдау");
    await expectAccessible(page);
    await page.goto("/en/officer/walk-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Walk-in intake");
    await page.getByRole("radio", { name: "Individual entrepreneur" }).check();
    // Aktobe provides no counter service to entrepreneurs (scrap metal and grain: legal entities only).
    await expect(page.locator("main")).toContainText("Your organisation provides no service at the counter for applicants of this category.");
    await expectAccessible(page);
    await screenshot(page, "walk-in-start-en");
  });
});
