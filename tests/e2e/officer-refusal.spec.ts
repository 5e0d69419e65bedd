import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, signIn, STAFF_PASSWORD, test } from "./fixtures";
import { demoKeyStore, EDS_PASSWORD } from "./support/demo-keys";
import { seedSubmitted } from "./support/seed-submitted";

/**
 * A refusal in Kazakh (Atyrau, scrap metal): the executor finds the package incomplete, names the
 * missing document and drafts a reasoned refusal on that ground; the head signs it with EDS; the
 * clerk hands it over electronically and the application is refused.
 */

const APPLICANT = "110740000007";
const ATYRAU_BIN = "990540002404";

async function as(page: Page, login: string) {
  await page.context().clearCookies();
  await signIn(page, login, STAFF_PASSWORD, "kk");
  await expect(page).toHaveURL(/\/kk\/officer$/);
}

async function open(page: Page, id: string, number: string) {
  await page.goto(`/kk/officer/applications/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Өтініш ${number}`);
}

const done = (page: Page, text: string) => expect(page.getByRole("status").filter({ hasText: text })).toBeVisible({ timeout: 20_000 });

test("kk: incomplete package → reasoned refusal → signed with EDS → handed over electronically", async ({ page }) => {
  test.setTimeout(180_000);
  const { id, registrationNumber } = seedSubmitted({ organisation: "atyrau", applicant: APPLICANT });
  const number = registrationNumber!;
  const headKey = await demoKeyStore(page, { bin: ATYRAU_BIN, role: "first_head", purpose: "signing", status: "valid" });

  await as(page, "atyrau.clerk");
  await open(page, id, number);
  await page.getByRole("button", { name: "Тіркеу", exact: true }).click();
  await done(page, "Өтініш тіркелді.");

  await as(page, "atyrau.head");
  await open(page, id, number);
  await page.getByRole("radio", { name: /Сағынов Бауыржан/ }).check();
  await page.getByRole("button", { name: "Тағайындау", exact: true }).click();
  await done(page, "Жауапты тұлға айқындалды.");

  await as(page, "atyrau.executor");
  await open(page, id, number);
  await page.getByRole("button", { name: "Қарауды бастау", exact: true }).click();
  await done(page, "Қарау басталды.");
  const completeness = page.getByRole("form", { name: /Құжаттардың толықтығы/ });
  await completeness.getByRole("radio", { name: "Толық емес", exact: true }).check();
  await completeness.getByRole("checkbox").first().check();
  await completeness.getByLabel("Не дұрыс емес").fill("Жарғының көшірмесі қоса берілмеген");
  await screenshot(page, "officer-incomplete-executor-kk");
  await expectAccessible(page);
  await completeness.getByRole("button", { name: "Нәтижені белгілеу" }).click();
  await done(page, "Тексеру нәтижесі белгіленді.");

  const decision = page.getByRole("form", { name: "Шешім жобасы" });
  await expect(decision.getByText("Бұл қадамда тек мынаны әзірлеуге болады: Дәлелді бас тарту.")).toBeVisible();
  // Without a reason the server refuses (reason in words is required).
  await decision.getByRole("checkbox", { name: "Құжаттар топтамасы толық емес (өтінішті әрі қараудан бас тарту)" }).check();
  await decision.getByRole("button", { name: "Жобаны қол қоюға жіберу" }).click();
  await expect(decision.getByText("Себебін сөзбен жазыңыз.").or(decision.getByRole("alert")).first()).toBeVisible();
  await decision.getByLabel("Бас тартудың дәлелдемесі").fill("Стандарттың 9-тармағында көзделген құжаттар толық ұсынылмаған: жарғының көшірмесі жоқ.");
  await decision.getByRole("button", { name: "Жобаны қол қоюға жіберу" }).click();
  await done(page, "Шешім жобасы басшыға қол қоюға жіберілді.");

  await as(page, "atyrau.head");
  await page.getByRole("link", { name: "Қол қоюға шешімдер" }).click();
  await page.getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await expect(page.getByTestId("decision-summary")).toContainText("Дәлелді бас тарту");
  await expect(page.getByTestId("decision-summary")).toContainText("жарғының көшірмесі жоқ");
  await screenshot(page, "officer-sign-refusal-head-kk");
  await expectAccessible(page);
  await page.locator("input[type=file][accept*='p12']").setInputFiles(headKey);
  await page.locator("input[type=password]").fill(EDS_PASSWORD);
  await page.getByRole("button", { name: "Шешімге қол қою", exact: true }).click();
  await done(page, "Шешімге қол қойылды.");

  await as(page, "atyrau.clerk");
  await page.getByRole("link", { name: "Беруге нәтижелер" }).click();
  await page.getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await expect(page.getByText("Нәтиже: Дәлелді бас тарту")).toBeVisible();
  await page.getByRole("radio", { name: "Электрондық түрде (жеке кабинет)" }).check();
  await page.getByRole("button", { name: "Беру", exact: true }).click();
  await done(page, "Нәтиже берілді.");
  await expect(page.getByText("Бас тартылды").first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "officer-refused-kk");
});
