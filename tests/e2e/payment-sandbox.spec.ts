import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Page } from "@playwright/test";
import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, test } from "./fixtures";

/**
 * Fee payment through the payment-gateway sandbox, as an applicant sees it.
 *
 * Relies on the application page `/[locale]/applicant/applications/[id]` (the wizard) rendering
 * `<PaymentStatus overview={await getPaymentOverview(…)} />` from components/payments, which holds
 * the Pay button; the sandbox posts its signed callback to /api/payments/callback of the same server.
 */

const APPLICANT = "050340000009"; // «Ақтөбе Металл Ресурс» ЖШС, demo data

/** A DRAFT scrap-metal licence application of the demo applicant, written into the e2e database. */
async function draftApplication(): Promise<string> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is not set (run through scripts/test.mjs e2e)");
  const url = new URL(admin);
  url.pathname = `/${process.env.E2E_DATABASE ?? "elicense_e2e"}`;
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    const id = randomUUID();
    const r = await c.query(
      `insert into "Application" (id, "serviceCode", variant, status, "organisationId", "subjectId", "applicantName", "applicantIdentifier", "createdById", "updatedAt")
       select $1, 'scrap-metal-licence', 'ISSUE', 'DRAFT', o.id, s.id, s.name, s.identifier, u.id, now()
       from "Subject" s join "User" u on u."subjectId" = s.id and u.login = $2, "Organisation" o
       where s.identifier = $2 and o.code = 'aktobe'
       returning id`,
      [id, APPLICANT],
    );
    if (r.rowCount !== 1) throw new Error("demo applicant or the Aktobe organisation is missing from the e2e database");
    return id;
  } finally {
    await c.end();
  }
}

async function openApplication(page: Page, id: string) {
  const res = await page.goto(`/ru/applicant/applications/${id}`);
  expect(res?.status(), "the application page must exist and render <PaymentStatus>").toBe(200);
  await expect(page.getByTestId("payment-panel")).toBeVisible();
}

/** From the portal's Pay button to the sandbox page of a new order; returns the order id. */
async function goToGateway(page: Page): Promise<string> {
  await page.getByTestId("pay-button").click();
  await page.waitForURL(/\/ru\/sandbox\/pay\/[0-9a-f-]{36}$/);
  await expect(page.getByText("ПЕСОЧНИЦА", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Оплата");
  return page.url().split("/").at(-1)!;
}

async function payWithCard(page: Page, card: string) {
  await page.getByLabel("Номер карты").fill(card);
  await page.getByLabel("Срок действия (ММ/ГГ)").fill("12/30");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Имя держателя").fill("AIGERIM NURSULTANOVA");
  await page.getByRole("button", { name: /^Оплатить/ }).click();
}

test.describe("fee payment through the payment-gateway sandbox", () => {
  test("success card: the gateway confirms and the portal shows the application as paid", async ({ page }) => {
    const id = await draftApplication();
    await signIn(page, APPLICANT, APPLICANT_PASSWORD);
    await expect(page).toHaveURL(/\/ru\/applicant$/);
    await openApplication(page, id);
    await expect(page.getByTestId("payment-status")).toHaveText("Ещё не оплачено");

    await goToGateway(page);
    await expect(page.getByRole("table")).toContainText("4405 6450 0000 6150");
    await expectAccessible(page);
    await screenshot(page, "payment-sandbox-form-ru");

    // A mistyped number is refused with its reason (server-side zod check of the card form).
    await payWithCard(page, "4405 6450 0000 6151");
    await expect(page.getByText("Номер карты недействителен (не совпадает контрольная цифра).")).toBeVisible();

    await payWithCard(page, "4405 6450 0000 6150");
    await expect(page.getByRole("heading", { name: "Оплата прошла" })).toBeVisible();
    await expect(page.getByText("Получатель уведомлён о результате.")).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "payment-sandbox-success-ru");

    await page.getByRole("link", { name: "Вернуться на портал «Е-лицензирование»" }).click();
    await page.waitForURL(new RegExp(`/ru/applicant/applications/${id}\\?payment=PAY-`));
    await expect(page.getByTestId("payment-status")).toHaveText("Оплачено");
    await expect(page.getByTestId("pay-button")).toHaveCount(0);
    const code = (await page.getByTestId("payment-code").textContent())!.trim();
    expect(code).toMatch(/^PAY-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // Anyone can check the receipt without signing in.
    await page.context().clearCookies();
    await page.goto(`/ru/verify/payment?code=${encodeURIComponent(code.toLowerCase())}`);
    await expect(page.getByTestId("receipt")).toContainText(code);
    await expect(page.getByTestId("receipt").getByTestId("payment-status")).toHaveText("Оплачено");
    await expect(page.getByTestId("receipt")).not.toContainText(APPLICANT);
    await expectAccessible(page);
    await screenshot(page, "payment-verify-ru");
  });

  test("declined card: the portal says so and the applicant pays again with a new order", async ({ page }) => {
    const id = await draftApplication();
    await signIn(page, APPLICANT, APPLICANT_PASSWORD);
    await expect(page).toHaveURL(/\/ru\/applicant$/);
    await openApplication(page, id);

    const firstOrder = await goToGateway(page);
    await payWithCard(page, "4000 0000 0000 0002");
    await expect(page.getByRole("heading", { name: "Оплата отклонена" })).toBeVisible();
    await page.getByRole("link", { name: "Вернуться на портал «Е-лицензирование»" }).click();
    await page.waitForURL(new RegExp(`/ru/applicant/applications/${id}`));
    await expect(page.getByTestId("payment-status")).toHaveText("Отклонено");
    await expect(page.getByText("Оплата не прошла, деньги не списаны. Можно оплатить ещё раз.")).toBeVisible();
    await expect(page.getByTestId("pay-button")).toHaveText("Оплатить ещё раз");
    await expectAccessible(page);
    await screenshot(page, "payment-declined-ru");

    const secondOrder = await goToGateway(page);
    expect(secondOrder).not.toBe(firstOrder);
    await payWithCard(page, "4405 6450 0000 6150");
    await expect(page.getByRole("heading", { name: "Оплата прошла" })).toBeVisible();
    await page.getByRole("link", { name: "Вернуться на портал «Е-лицензирование»" }).click();
    await page.waitForURL(new RegExp(`/ru/applicant/applications/${id}`));
    await expect(page.getByTestId("payment-status")).toHaveText("Оплачено");
  });

  test("the sandbox page is labelled as a sandbox in every language", async ({ page }) => {
    const id = await draftApplication();
    await signIn(page, APPLICANT, APPLICANT_PASSWORD);
    await expect(page).toHaveURL(/\/ru\/applicant$/);
    await openApplication(page, id);
    const orderId = await goToGateway(page);
    for (const [locale, badge] of [
      ["kk", "ТЕСТ ОРТАСЫ"],
      ["en", "SANDBOX"],
    ] as const) {
      await page.goto(`/${locale}/sandbox/pay/${orderId}`);
      await expect(page.getByText(badge, { exact: true })).toBeVisible();
      await expectAccessible(page);
    }
  });
});
