import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, STAFF_PASSWORD, test } from "./fixtures";

test.describe("complaints", () => {
  test("an applicant files a complaint and gets the ticket; the supervisor sees it in the queue", async ({ page }) => {
    await signIn(page, "050340000009", APPLICANT_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/applicant$/);
    await page.goto("/ru/applicant/complaints");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мои жалобы");
    await page.getByRole("link", { name: "Подать жалобу" }).click();
    await expect(page).toHaveURL(/\/ru\/applicant\/complaints\/new$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Подача жалобы");
    await expectAccessible(page);

    // Empty required fields: the errors are tied to their fields.
    await page.getByLabel(/Почтовый адрес/).fill("");
    await page.getByRole("button", { name: "Отправить жалобу" }).click();
    await expect(page.getByLabel(/Причины обращения/)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(/Почтовый адрес/)).toHaveAttribute("aria-invalid", "true");

    await page.getByRole("radio", { name: /Ненадлежащее оказание услуги/ }).check();
    await page.getByLabel("Заявление", { exact: true }).selectOption("");
    await page.getByLabel(/^Организация/).selectOption({ label: "ГУ «Управление энергетики и коммунального хозяйства Актюбинской области»" });
    await page.getByLabel(/Кому/).fill("Руководителю управления");
    await page.getByLabel(/Фамилия, имя, отчество заявителя/).fill("Серікбаев Нұржан Төлегенұлы");
    await page.getByLabel(/Почтовый адрес/).fill("г. Актобе, пр. Абулхаир хана, 58");
    await page.getByLabel(/Фамилия или должность должностного лица/).fill("Главный специалист отдела лицензирования");
    await page.getByLabel(/Причины обращения/).fill("Документы не приняли без объяснения причин.");
    await page.getByLabel(/Ваши требования/).fill("Принять документы и дать письменный ответ.");
    await page.getByRole("button", { name: "Отправить жалобу" }).click();

    await expect(page).toHaveURL(/\/ru\/applicant\/complaints\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Жалоба C-\d{4}-\d{6}$/);
    const ticket = page.getByRole("region", { name: "Талон о принятии жалобы" });
    await expect(ticket.getByTestId("ticket-number")).toHaveText(/^C-\d{4}-\d{6}$/);
    await expect(ticket.getByText("Дата и время принятия")).toBeVisible();
    await expect(ticket.getByText("Фамилия и инициалы принявшего")).toBeVisible();
    await expect(ticket.getByText("Срок ответа")).toBeVisible();
    const number = (await ticket.getByTestId("ticket-number").textContent())!;
    await expectAccessible(page);
    await screenshot(page, "complaint-ticket-ru");

    await page.getByRole("link", { name: "Распечатать талон" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Талон о принятии жалобы");
    await expect(page.getByText(number)).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "complaint-ticket-print-ru");

    await page.goto("/ru/applicant/complaints");
    await expect(page.getByRole("link", { name: number })).toBeVisible();

    // The Aktobe supervisor sees it with its deadline badge and can take it in review.
    await page.context().clearCookies();
    await signIn(page, "aktobe.supervisor", STAFF_PASSWORD, "ru");
    await expect(page).toHaveURL(/\/ru\/supervisor$/);
    await page.goto("/ru/supervisor/complaints");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Жалобы");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: number }) });
    await expect(row.getByText("В срок")).toBeVisible();
    await expectAccessible(page);
    await row.getByRole("link", { name: number }).click();
    await page.getByRole("button", { name: "Взять на рассмотрение" }).click();
    await expect(page.getByRole("group", { name: "Результат" })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "complaint-handle-ru");
  });

  test("the complaint form in Kazakh is accessible", async ({ page }) => {
    await signIn(page, "050340000009", APPLICANT_PASSWORD, "kk");
    await page.goto("/kk/applicant/complaints/new");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Шағым беру");
    await expect(page.getByRole("group", { name: /Шағым түрі/ })).toBeVisible();
    await expectAccessible(page);
  });
});
