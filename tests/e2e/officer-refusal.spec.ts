import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, test } from "./fixtures";
import { demoKeyStore, EDS_PASSWORD } from "./support/demo-keys";
import { act, openApplication, openQueue, signInAs } from "./support/officer";
import { seedSubmitted } from "./support/seed-submitted";

/**
 * A refusal in Kazakh (Atyrau, scrap metal): the executor finds the package incomplete, names the
 * missing document and drafts a reasoned refusal on that ground; the head signs it with EDS; the
 * clerk hands it over electronically and the application is refused.
 */

const APPLICANT = "110740000007";
const ATYRAU_BIN = "990540002404";

const as = (page: Page, login: string) => signInAs(page, login, "kk");
const open = (page: Page, id: string, number: string) => openApplication(page, "kk", id, number);

test("kk: incomplete package → reasoned refusal → signed with EDS → handed over electronically", async ({ page }) => {
  test.setTimeout(180_000);
  const { id, registrationNumber } = seedSubmitted({ organisation: "atyrau", applicant: APPLICANT });
  const number = registrationNumber!;
  const headKey = await demoKeyStore(page, { bin: ATYRAU_BIN, role: "first_head", purpose: "signing", status: "valid" });

  await as(page, "atyrau.clerk");
  await open(page, id, number);
  await act(page, page.getByRole("button", { name: "Тіркеу", exact: true }), "Өтініш тіркелді.");

  await as(page, "atyrau.head");
  await open(page, id, number);
  await page.getByRole("radio", { name: /Сағынов Бауыржан/ }).check();
  await act(page, page.getByRole("button", { name: "Тағайындау", exact: true }), "Жауапты тұлға айқындалды.");

  await as(page, "atyrau.executor");
  await open(page, id, number);
  await act(page, page.getByRole("button", { name: "Қарауды бастау", exact: true }), "Қарау басталды.");
  const completeness = page.getByRole("form", { name: /Құжаттардың толықтығы/ });
  await completeness.getByRole("radio", { name: "Толық емес", exact: true }).check();
  await completeness.getByRole("checkbox").first().check();
  await completeness.getByLabel("Не дұрыс емес").fill("Жарғының көшірмесі қоса берілмеген");
  await screenshot(page, "officer-incomplete-executor-kk");
  await expectAccessible(page);
  await act(page, completeness.getByRole("button", { name: "Нәтижені белгілеу" }), "Тексеру нәтижесі белгіленді.");

  const decision = page.getByRole("form", { name: "Шешім жобасы" });
  await expect(decision.getByText("Бұл қадамда тек мынаны әзірлеуге болады: Дәлелді бас тарту.")).toBeVisible();
  // Without a reason the server refuses (reason in words is required).
  await decision.getByRole("checkbox", { name: "Құжаттар топтамасы толық емес (өтінішті әрі қараудан бас тарту)" }).check();
  await decision.getByRole("button", { name: "Жобаны қол қоюға жіберу" }).click();
  await expect(decision.getByText("Себебін сөзбен жазыңыз.").or(decision.getByRole("alert")).first()).toBeVisible();
  await decision.getByLabel("Бас тартудың дәлелдемесі").fill("Стандарттың 9-тармағында көзделген құжаттар толық ұсынылмаған: жарғының көшірмесі жоқ.");
  await act(page, decision.getByRole("button", { name: "Жобаны қол қоюға жіберу" }), "Шешім жобасы басшыға қол қоюға жіберілді.");

  await as(page, "atyrau.head");
  await openQueue(page, "Қол қоюға шешімдер");
  await page.getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await expect(page.getByTestId("decision-summary")).toContainText("Дәлелді бас тарту");
  await expect(page.getByTestId("decision-summary")).toContainText("жарғының көшірмесі жоқ");
  await screenshot(page, "officer-sign-refusal-head-kk");
  await expectAccessible(page);
  await page.locator("input[type=file][accept*='p12']").setInputFiles(headKey);
  await page.locator("input[type=password]").fill(EDS_PASSWORD);
  await act(page, page.getByRole("button", { name: "Шешімге қол қою", exact: true }), "Шешімге қол қойылды.");

  await as(page, "atyrau.clerk");
  await openQueue(page, "Беруге нәтижелер");
  await page.getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await expect(page.getByText("Нәтиже: Дәлелді бас тарту")).toBeVisible();
  await page.getByRole("radio", { name: "Электрондық түрде (жеке кабинет)" }).check();
  await act(page, page.getByRole("button", { name: "Беру", exact: true }), "Нәтиже берілді.");
  await expect(page.getByText("Бас тартылды").first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "officer-refused-kk");
});
