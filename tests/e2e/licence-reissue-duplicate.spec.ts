import type { Page } from "@playwright/test";
import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, test } from "./fixtures";
import { expectSaved, fillForm, payFee, signAndSubmit, TEXT, uploadScans, type JourneyLocale } from "./support/applicant-steps";
import { demoKeyStore, EDS_PASSWORD, type Upload } from "./support/demo-keys";
import { issueApplicationResult, seedIssuedLicence, type BaseLicence } from "./support/seed-licence";

/**
 * The holder of an issued scrap-metal licence (demo applicant «Каспий Вторчермет», Atyrau)
 * applies from "My licences" for a re-issue (ru) and for a duplicate (kk): fee, EDS signature,
 * registered and linked to the licence. The result is then written as the hand-over would
 * (seed-licence.ts `result`): the re-issued licence shows "superseded", the duplicate is listed.
 */

const BIN = "110740000007";
const UI = {
  ru: { myLicences: "Мои лицензии", active: "Действует", superseded: "Переоформлена", reissue: "Переоформить", duplicate: "Получить дубликат", duplicateOf: "Дубликат от" },
  kk: { myLicences: "Менің лицензияларым", active: "Қолданыста", superseded: "Қайта ресімделген", reissue: "Қайта ресімдеу", duplicate: "Телнұсқа алу", duplicateOf: "Телнұсқа," },
} as const;

/** A fresh issued licence of the demo holder, their demo signing key store, signed in. */
async function holderWithLicence(page: Page, locale: JourneyLocale) {
  const base = seedIssuedLicence({ organisation: "atyrau", applicant: BIN });
  const signing = await demoKeyStore(page, { bin: BIN, role: "first_head", purpose: "signing", status: "valid" });
  await signIn(page, BIN, APPLICANT_PASSWORD, locale);
  await expect(page).toHaveURL(new RegExp(`/${locale}/applicant$`));
  return { base, signing };
}

/** My licences → the licence → "re-issue" / "duplicate" → first step of the wizard → the draft. */
async function startFromLicence(page: Page, locale: JourneyLocale, base: BaseLicence, action: "reissue" | "duplicate") {
  await page.getByRole("navigation").getByRole("link", { name: UI[locale].myLicences }).click();
  await page.waitForURL(new RegExp(`/${locale}/licences$`));
  await page.getByRole("link", { name: base.number, exact: true }).click();
  await page.waitForURL(new RegExp(`/${locale}/licences/${base.licenceId}$`));
  await expect(page.locator("main")).toContainText(UI[locale].active);
  await screenshot(page, `licence-${locale}-${action}-before`);
  await page.getByRole("link", { name: UI[locale][action], exact: true }).click();
  await page.waitForURL(new RegExp(`/${locale}/applicant/applications/new/scrap-metal-licence\\?variant=${action}`));
  await expect(page.locator("#base-licence")).toHaveValue(base.licenceId);
  await page.getByRole("button", { name: TEXT[locale].start }).click();
  await page.waitForURL(new RegExp(`/${locale}/applicant/applications/[0-9a-f-]{36}$`));
  await expect(page.locator("#af-previousLicenceNumber")).toHaveValue(base.number);
  return page.url().split("/").at(-1)!;
}

/** Draft complete: check it, pay, sign; the registered application names the licence it concerns. */
async function payAndSignLinked(page: Page, locale: JourneyLocale, o: { id: string; base: BaseLicence; signing: Upload; shot: string }) {
  await screenshot(page, `${o.shot}-draft`);
  await expectAccessible(page);
  await payFee(page, o.id);
  await signAndSubmit(page, locale, o.signing, EDS_PASSWORD);
  await page.reload();
  await expect(page.getByTestId("base-licence")).toHaveText(o.base.number);
  await expect(page.getByTestId("base-licence")).toHaveAttribute("href", new RegExp(`/licences/${o.base.licenceId}$`));
  await screenshot(page, `${o.shot}-registered`);
}

test("licence holder (ru): re-issue on a change of name with proof attached — fee, EDS, registered, then the old licence shows superseded", async ({ page }) => {
  test.setTimeout(180_000);
  const { base, signing } = await holderWithLicence(page, "ru");

  const id = await startFromLicence(page, "ru", base, "reissue");
  await page.locator("#af-reissueGround").selectOption("le_name_address_changed");
  // The change happened today (Almaty): inside the 30-calendar-day window [004 L7791-7794].
  await page.locator("#af-changeDate").fill(new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10));
  await fillForm(page, "ru");
  await uploadScans(page); // the licence scan slot carries the proof
  await payAndSignLinked(page, "ru", { id, base, signing, shot: "reissue-ru" });

  const result = issueApplicationResult(id);
  expect(result.variant).toBe("reissue");
  await page.getByTestId("base-licence").click();
  await page.waitForURL(new RegExp(`/ru/licences/${base.licenceId}$`));
  await expect(page.locator("main")).toContainText(UI.ru.superseded);
  await expect(page.locator("main")).toContainText(`заменена № ${result.number}`);
  await expect(page.getByRole("link", { name: UI.ru.reissue, exact: true })).toHaveCount(0);
  await screenshot(page, "reissue-ru-superseded");
  await page.goto(`/ru/licences?status=SUPERSEDED`);
  await expect(page.getByRole("link", { name: base.number, exact: true })).toBeVisible();
});

test("licence holder (kk): duplicate of a lost licence — fee, EDS, registered, then the duplicate is listed on the licence", async ({ page }) => {
  test.setTimeout(180_000);
  const { base, signing } = await holderWithLicence(page, "kk");

  const id = await startFromLicence(page, "kk", base, "duplicate");
  await page.locator("#af-duplicateReason").selectOption("lost");
  await page.locator("#af-activityAddress").fill("Атырау қ., Сәтбаев даңғылы, 12");
  await page.locator("#af-contactPhone").fill("+7 712 230 40 50");
  await page.locator("#af-contactEmail").fill("office@caspian-scrap.example.kz");
  await expectSaved(page, "kk");
  await payAndSignLinked(page, "kk", { id, base, signing, shot: "duplicate-kk" });

  expect(issueApplicationResult(id).variant).toBe("duplicate");
  await page.getByTestId("base-licence").click();
  await page.waitForURL(new RegExp(`/kk/licences/${base.licenceId}$`));
  await expect(page.locator("main")).toContainText(UI.kk.active);
  await expect(page.locator("main")).toContainText(UI.kk.duplicateOf);
  await screenshot(page, "duplicate-kk-issued");
});
