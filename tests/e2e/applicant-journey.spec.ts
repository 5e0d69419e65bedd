import type { Page } from "@playwright/test";
import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, test } from "./fixtures";
import { demoKeyStore, EDS_PASSWORD, pdf } from "./support/demo-keys";

const BIN = "050340000009"; // «Ақтөбе Металл Ресурс» ЖШС

const TEXT = {
  ru: { start: "Начать заявление", saved: "Сохранено", sign: "Подписать", registered: /Заявление зарегистрировано: № EL-\d{4}-\d{7}/, readyBy: /Результат будет готов не позднее/ },
  kk: { start: "Өтінішті бастау", saved: "Сақталды", sign: "Қол қою", registered: /Өтініш тіркелді: № EL-\d{4}-\d{7}/, readyBy: /дейін дайын болады/ },
} as const;

async function startScrapApplication(page: Page, locale: "ru" | "kk") {
  await page.goto(`/${locale}/services/scrap-metal-licence`);
  await page.locator("header a[href$='/applicant/applications/new/scrap-metal-licence']").first().click();
  await page.locator("#provider").selectOption("aktobe");
  await page.getByRole("button", { name: TEXT[locale].start }).click();
  await page.waitForURL(new RegExp(`/${locale}/applicant/applications/[0-9a-f-]{36}$`));
  return page.url().split("/").at(-1)!;
}

async function fillForm(page: Page, locale: "ru" | "kk") {
  await page.locator("input[type=checkbox]").first().check();
  await page.locator("#af-activityAddress").fill("Ақтөбе қ., Өнеркәсіп көшесі, 12");
  await page.locator("#af-contactPhone").fill("+7 701 555 44 33");
  await page.locator("#af-contactEmail").fill("office@aktobe-metall.example.kz");
  await expect(page.getByRole("status").filter({ hasText: TEXT[locale].saved })).toBeVisible({ timeout: 15_000 });
}

async function uploadScans(page: Page) {
  const inputs = page.locator("input[type=file]:not([accept*='p12'])");
  const n = await inputs.count();
  for (let i = 0; i < n; i++) {
    await inputs.nth(i).setInputFiles(pdf(`scan-${i}.pdf`));
    await expect(page.getByRole("link", { name: new RegExp(`scan-${i}.pdf`) }).first()).toBeVisible({ timeout: 15_000 });
  }
}

async function payWithCard(page: Page, card: string) {
  await page.getByTestId("pay-button").click();
  await page.waitForURL(/\/sandbox\/pay\/[0-9a-f-]{36}$/);
  await page.locator("input[name=cardNumber]").fill(card);
  await page.locator("input[name=expiry]").fill("12/30");
  await page.locator("input[name=cvc]").fill("123");
  await page.locator("input[name=holder]").fill("NURZHAN SERIKBAYEV");
  await page.locator("form").filter({ has: page.locator("input[name=cardNumber]") }).locator("button[type=submit]").click();
}

/** After a successful payment the sandbox links back to the portal with the payment code. */
async function backToPortal(page: Page) {
  await expect(page.getByTestId("callback-delivered")).toBeVisible({ timeout: 20_000 });
  await page.locator("a[href*='payment=PAY-']").click();
}

for (const locale of ["ru", "kk"] as const) {
  test(`applicant (${locale}): scrap-metal licence in Aktobe — form, scans, fee, EDS signature, registered with a ready-by date`, async ({ page }) => {
    test.setTimeout(120_000);
    const signing = await demoKeyStore(page, { bin: BIN, role: "first_head", purpose: "signing", status: "valid" });
    await signIn(page, BIN, APPLICANT_PASSWORD, locale);
    await expect(page).toHaveURL(new RegExp(`/${locale}/applicant$`));
    const id = await startScrapApplication(page, locale);
    await fillForm(page, locale);
    await uploadScans(page);
    await screenshot(page, `applicant-${locale}-draft`);
    await expectAccessible(page);

    await payWithCard(page, "4405645000006150");
    await backToPortal(page);
    await page.waitForURL(new RegExp(`/applicant/applications/${id}`));
    await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "PAID");

    await page.locator("input[type=file][accept*='p12']").setInputFiles(signing);
    await page.locator("input[type=password]").fill(EDS_PASSWORD);
    await page.getByRole("button", { name: TEXT[locale].sign, exact: true }).click();
    await expect(page.getByText(TEXT[locale].registered)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(TEXT[locale].readyBy)).toBeVisible();
    await screenshot(page, `applicant-${locale}-registered`);
  });
}

test("applicant: a revoked certificate is refused with the regulation's message and nothing is submitted", async ({ page }) => {
  test.setTimeout(120_000);
  const revoked = await demoKeyStore(page, { bin: BIN, role: "signer", purpose: "signing", status: "revoked" });
  await signIn(page, BIN, APPLICANT_PASSWORD, "ru");
  await expect(page).toHaveURL(/\/ru\/applicant$/);
  const id = await startScrapApplication(page, "ru");
  await fillForm(page, "ru");
  await uploadScans(page);
  await payWithCard(page, "4405645000006150");
  await backToPortal(page);
  await page.waitForURL(new RegExp(`/applicant/applications/${id}`));
  await page.locator("input[type=file][accept*='p12']").setInputFiles(revoked);
  await page.locator("input[type=password]").fill(EDS_PASSWORD);
  await page.getByRole("button", { name: "Подписать", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "подлинности ЭЦП" })).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Черновик заявления");
  await screenshot(page, "applicant-revoked-refused");
});

test("applicant: a declined card shows the decline and the fee stays unpaid", async ({ page }) => {
  await signIn(page, BIN, APPLICANT_PASSWORD, "ru");
  await expect(page).toHaveURL(/\/ru\/applicant$/);
  const id = await startScrapApplication(page, "ru");
  await payWithCard(page, "4000000000000002");
  await expect(page.locator("main")).toContainText(/отклон/i);
  await page.goto(`/ru/applicant/applications/${id}`);
  await expect(page.getByTestId("payment-status")).not.toHaveAttribute("data-status", "PAID");
});
