import { expect, type Page } from "@playwright/test";
import { type Upload, pdf } from "./demo-keys";

/** Steps of the applicant's browser journeys (scrap-metal licence in Aktobe), shared by the specs. */

export type JourneyLocale = "ru" | "kk";

export const TEXT = {
  ru: { start: "Начать заявление", saved: "Сохранено", sign: "Подписать", registered: /Заявление зарегистрировано: № EL-\d{4}-\d{7}/, readyBy: /Результат будет готов не позднее/ },
  kk: { start: "Өтінішті бастау", saved: "Сақталды", sign: "Қол қою", registered: /Өтініш тіркелді: № EL-\d{4}-\d{7}/, readyBy: /дейін дайын болады/ },
} as const;

export async function startScrapApplication(page: Page, locale: JourneyLocale) {
  await page.goto(`/${locale}/services/scrap-metal-licence`);
  await page.locator("header a[href$='/applicant/applications/new/scrap-metal-licence']").first().click();
  await page.locator("#provider").selectOption("aktobe");
  await page.getByRole("button", { name: TEXT[locale].start }).click();
  await page.waitForURL(new RegExp(`/${locale}/applicant/applications/[0-9a-f-]{36}$`));
  return page.url().split("/").at(-1)!;
}

export async function fillForm(page: Page, locale: JourneyLocale) {
  await page.locator("input[type=checkbox]").first().check();
  await page.locator("#af-activityAddress").fill("Ақтөбе қ., Өнеркәсіп көшесі, 12");
  await page.locator("#af-contactPhone").fill("+7 701 555 44 33");
  await page.locator("#af-contactEmail").fill("office@aktobe-metall.example.kz");
  await expectSaved(page, locale);
}

export async function expectSaved(page: Page, locale: JourneyLocale) {
  await expect(page.getByRole("status").filter({ hasText: TEXT[locale].saved })).toBeVisible({ timeout: 15_000 });
}

/** Every upload slot of the draft (not the key store input) gets a small PDF. */
export async function uploadScans(page: Page) {
  const inputs = page.locator("input[type=file]:not([accept*='p12'])");
  const n = await inputs.count();
  for (let i = 0; i < n; i++) {
    await inputs.nth(i).setInputFiles(pdf(`scan-${i}.pdf`));
    await expect(page.getByRole("link", { name: new RegExp(`scan-${i}.pdf`) }).first()).toBeVisible({ timeout: 15_000 });
  }
}

export async function payWithCard(page: Page, card: string) {
  await page.getByTestId("pay-button").click();
  await page.waitForURL(/\/sandbox\/pay\/[0-9a-f-]{36}$/);
  await page.locator("input[name=cardNumber]").fill(card);
  await page.locator("input[name=expiry]").fill("12/30");
  await page.locator("input[name=cvc]").fill("123");
  await page.locator("input[name=holder]").fill("NURZHAN SERIKBAYEV");
  await page.locator("form").filter({ has: page.locator("input[name=cardNumber]") }).locator("button[type=submit]").click();
}

/** After a successful payment the sandbox links back to the portal with the payment code. */
export async function backToPortal(page: Page) {
  await expect(page.getByTestId("callback-delivered")).toBeVisible({ timeout: 20_000 });
  await page.locator("a[href*='payment=PAY-']").click();
}

/** Pays the fee with a card that the sandbox accepts and returns to the application. */
export async function payFee(page: Page, applicationId: string) {
  await payWithCard(page, "4405645000006150");
  await backToPortal(page);
  await page.waitForURL(new RegExp(`/applicant/applications/${applicationId}`));
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "PAID");
}

/** Signs the draft with a key store in the browser and waits for the registration message. */
export async function signAndSubmit(page: Page, locale: JourneyLocale, keyStore: Upload, password: string) {
  await page.locator("input[type=file][accept*='p12']").setInputFiles(keyStore);
  await page.locator("input[type=password]").fill(password);
  await page.getByRole("button", { name: TEXT[locale].sign, exact: true }).click();
  await expect(page.getByText(TEXT[locale].registered)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(TEXT[locale].readyBy)).toBeVisible();
}
