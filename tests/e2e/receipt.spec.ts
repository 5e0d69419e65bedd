import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, test } from "./fixtures";
import { seedSubmitted } from "./support/seed-submitted";

// Issue 12 point 11: after submission the applicant can print a receipt with the registration
// number, the date and time, the provider and the ready-by date.
const APPLICANT = "110740000007"; // «Каспий Металл» ЖШС, Atyrau

test("applicant (ru): the printable receipt names the number, time, provider and ready-by date", async ({ page }) => {
  const { id, registrationNumber } = seedSubmitted({ organisation: "atyrau", applicant: APPLICANT });
  expect(registrationNumber).toMatch(/^EL-\d{4}-\d{7}$/);
  await signIn(page, APPLICANT, APPLICANT_PASSWORD, "ru");
  await page.goto(`/ru/applicant/applications/${id}`);
  await page.getByTestId("receipt-link").click();
  await expect(page).toHaveURL(new RegExp(`/ru/applicant/applications/${id}/receipt$`));
  const receipt = page.getByTestId("receipt");
  await expect(receipt.getByRole("heading", { level: 1 })).toHaveText("Расписка о приёме заявления");
  for (const label of ["Регистрационный номер", "Дата и время регистрации", "Услугодатель", "Срок готовности результата"]) {
    await expect(receipt.locator("dt", { hasText: label })).toBeVisible();
  }
  await expect(receipt.locator("dd").first()).toHaveText(registrationNumber!);
  await expect(receipt.locator("dt", { hasText: "Срок готовности результата" }).locator("xpath=following-sibling::dd")).toHaveText(/20\d\d/);
  await expectAccessible(page);
  await screenshot(page, "receipt-ru");
  // On paper: the receipt stays, the buttons and the site's navigation do not.
  await page.emulateMedia({ media: "print" });
  await expect(receipt.locator("dd").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Печать" })).toBeHidden();
});
