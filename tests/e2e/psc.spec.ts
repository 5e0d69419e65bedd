import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, signIn, STAFF_PASSWORD, test } from "./fixtures";
import { demoKeyStore, EDS_PASSWORD, pdf } from "./support/demo-keys";
import { act, openApplication, openQueue, signInAs } from "./support/officer";

/**
 * Standard 2 (processing permit) through a Public Service Centre, in Kazakh: the PSC operator
 * accepts the paper package (registry lookup by BIN, checklist, scans), certifies the scans with
 * their EDS and sends it to the Committee [004 L645-648]; the Committee works it with its own,
 * unchanged chain and sees when the result is due at the centre [004 L608-609]; the result comes
 * back to the centre, where the operator hands it over and it leaves the queue [004 L755-760].
 */

const APPLICANT_BIN = "050340000009";
const APPLICANT = "«Ақтөбе Металл Ресурс» ЖШС";
const PSC_BIN = "071240005101";
const PSC_OPERATOR_IIN = "910315400019";
const COMMITTEE_BIN = "040540001508";

async function asPscOperator(page: Page) {
  await page.context().clearCookies();
  await signIn(page, "psc.operator", STAFF_PASSWORD, "kk");
  await expect(page).toHaveURL(/\/kk\/psc$/);
}

test("kk: a standard-2 package accepted at the PSC → processed by the Committee → result handed over at the PSC", async ({ page }) => {
  test.setTimeout(420_000);
  const operatorKey = await demoKeyStore(page, { bin: PSC_BIN, iin: PSC_OPERATOR_IIN, role: "employee", purpose: "signing", status: "valid" });
  const headKey = await demoKeyStore(page, { bin: COMMITTEE_BIN, role: "first_head", purpose: "signing", status: "valid" });

  // The PSC workstation: its hours are Monday to Saturday 09:00–20:00 without a break [004 L626-632].
  await asPscOperator(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ХҚО жұмыс орны");
  await expect(page.locator("main")).toContainText("09:00–20:00");
  await expect(page.locator("main")).toContainText("Үзіліссіз.");
  await expectAccessible(page);

  // (a) The applicant from the "Legal entities" database; the only service a PSC forwards is standard 2.
  await page.getByRole("link", { name: "Құжаттарды қабылдау (2-стандарт)" }).click();
  await expect(page).toHaveURL(/\/kk\/officer\/walk-in$/);
  await page.locator("#walk-in-bin").fill(APPLICANT_BIN);
  await page.getByRole("button", { name: "Сұрау" }).click();
  await expect(page.getByRole("region", { name: APPLICANT })).toContainText("Мәліметтер алынды");
  await expect(page.locator("#wi-service-code")).toHaveValue("processing-outside-rk-permit");
  await expect(page.getByText("Құжаттар поштамен келді")).toHaveCount(0); // the postal option is the office clerk's
  await page.getByRole("button", { name: "Қабылдауды бастау" }).click();
  await expect(page).toHaveURL(/\/kk\/officer\/walk-in\/[0-9a-f-]{36}$/);
  const id = /walk-in\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Кеңседегі өтініш: ${APPLICANT}`);
  await expect(page.locator("main")).toContainText("ХҚО арқылы қабылданған өтініш: қабылдау күні мерзімге кірмейді.");

  // (b) The form and the paper checklist.
  const subtype = page.getByRole("checkbox", { name: /Қазақстан Республикасының аумағынан тыс/ });
  if (!(await subtype.isChecked())) await subtype.check();
  await page.locator("#wi-f-activityAddress").fill("Астана қ., Республика даңғылы, 12");
  await page.locator("#wi-f-contactPhone").fill("+7 7132 55 10 20");
  await page.locator("#wi-f-contactEmail").fill("info@aktobe-metall.example.kz");
  const checklist = page.getByRole("group", { name: "Ұсынылған қағаз құжаттар" });
  for (const box of await checklist.getByRole("checkbox").all()) await box.check();
  await page.getByRole("button", { name: "Нысан мен тізбені сақтау" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Сақталды" })).toBeVisible();

  // (c) The scans of every document handed over.
  const scans = page.getByRole("region", { name: /Қағаз құжаттардың скандары/ });
  const inputs = scans.locator('input[type="file"]');
  const count = await inputs.count();
  expect(count).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < count; i++) {
    await inputs.nth(i).setInputFiles(pdf(`scan-${i}.pdf`));
    await expect(scans.getByRole("link", { name: new RegExp(`scan-${i}\\.pdf`) }).first()).toBeVisible();
    await expect(inputs.nth(i)).toBeEnabled();
  }

  // Not forwarded before the scans carry the operator's EDS [004 L645-648].
  await expect(page.locator("main")).toContainText("Сканерлерді ЭЦҚ-мен куәландырыңыз.");
  await expect(page.getByRole("button", { name: "Өтінішті тіркеу" })).toBeDisabled();
  const signing = page.getByRole("region", { name: "Сканерлерді ЭЦҚ-мен куәландыру" });
  await signing.locator("input[type=file][accept*='p12']").setInputFiles(operatorKey);
  await signing.locator("input[type=password]").fill(EDS_PASSWORD);
  await signing.getByRole("button", { name: "Қол қою", exact: true }).click();
  await expect(page.getByText("Сканерлер ЭЦҚ-мен куәландырылды.")).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
  await screenshot(page, "psc-package-signed-kk");

  // (e) Sent to the provider; the receipt names the centre.
  await page.getByRole("button", { name: "Өтінішті тіркеу" }).click();
  await expect(page).toHaveURL(new RegExp(`/kk/officer/walk-in/${id}/receipt$`));
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(/^№ EL-\d{4}-\d{7} тіркеу туралы қолхат$/);
  const number = /EL-\d{4}-\d{7}/.exec((await title.textContent())!)![0];
  await expect(page.getByRole("article")).toContainText("«Астана қаласы бойынша ХҚО» РМК филиалы");
  await expect(page.getByRole("article")).toContainText("Мұратова Айнұр");
  await screenshot(page, "psc-receipt-kk");

  // The Committee's own chain, unchanged; its clerk sees the channel and the day the result is due at the PSC.
  await signInAs(page, "committee.clerk", "kk");
  await openApplication(page, "kk", id, number);
  await expect(page.locator("main")).toContainText("ХҚО арқылы қабылданды: «Астана қаласы бойынша ХҚО» РМК филиалы");
  await expect(page.locator("main")).toContainText("Нәтижені ХҚО-ға");
  await act(page, page.getByRole("button", { name: "Тіркеу", exact: true }), "Өтініш тіркелді.");

  await signInAs(page, "committee.head", "kk");
  await openApplication(page, "kk", id, number);
  await page.getByRole("radio", { name: /Жақсылықов Әлібек/ }).check();
  await act(page, page.getByRole("button", { name: "Тағайындау", exact: true }), "Жауапты тұлға айқындалды.");

  await signInAs(page, "committee.executor", "kk");
  await openApplication(page, "kk", id, number);
  await act(page, page.getByRole("button", { name: "Қарауды бастау", exact: true }), "Қарау басталды.");
  const completeness = page.getByRole("form", { name: /Құжаттардың толықтығы/ });
  await completeness.getByRole("radio", { name: "Толық емес", exact: true }).check();
  await completeness.getByRole("checkbox").first().check();
  await completeness.getByLabel("Не дұрыс емес").fill("Мәліметтер нысаны толық емес");
  await act(page, completeness.getByRole("button", { name: "Нәтижені белгілеу" }), "Тексеру нәтижесі белгіленді.");
  const decision = page.getByRole("form", { name: "Шешім жобасы" });
  await decision.getByRole("checkbox").first().check();
  await decision.getByLabel("Бас тартудың дәлелдемесі").fill("Мәліметтер нысанында толық емес ақпарат ұсынылған.");
  await act(page, decision.getByRole("button", { name: "Жобаны қол қоюға жіберу" }), "Шешім жобасы басшыға қол қоюға жіберілді.");

  await signInAs(page, "committee.head", "kk");
  await openQueue(page, "Қол қоюға шешімдер");
  await page.getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await page.locator("input[type=file][accept*='p12']").setInputFiles(headKey);
  await page.locator("input[type=password]").fill(EDS_PASSWORD);
  await act(page, page.getByRole("button", { name: "Шешімге қол қою", exact: true }), "Шешімге қол қойылды.");

  // The Committee's hand-over step delivers the result to the centre.
  await signInAs(page, "committee.clerk", "kk");
  await openQueue(page, "Беруге нәтижелер");
  await page.getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await page.getByRole("radio", { name: "Электрондық түрде (жеке кабинет)" }).check();
  await act(page, page.getByRole("button", { name: "Беру", exact: true }), "Нәтиже берілді.");

  // At the PSC: the result waits in "Results to hand over", kept a month [004 L758-760]; handed over at the window.
  await asPscOperator(page);
  const results = page.getByRole("region", { name: "Берілетін нәтижелер" });
  const item = results.getByRole("listitem").filter({ hasText: number });
  await expect(item).toContainText(APPLICANT);
  await expect(item).toContainText("дейін сақталады");
  await expect(item.getByRole("button", { name: "Көрсетушіге қайтару" })).toHaveCount(0); // not before the month is over
  await expectAccessible(page);
  await screenshot(page, "psc-results-kk");
  await item.getByLabel("Алушының аты-жөні").fill("Серікбаев Нұржан Төлегенұлы");
  await item.getByRole("button", { name: "Нәтижені беру" }).click();
  await expect(results.getByRole("listitem").filter({ hasText: number })).toHaveCount(0);
});
