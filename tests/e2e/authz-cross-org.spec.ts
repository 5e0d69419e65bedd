import { APPLICANT_PASSWORD, expect, signIn, STAFF_PASSWORD, test } from "./fixtures";
import { seedSubmitted } from "./support/seed-submitted";

/** Officers see only their own organisation's applications: anything else does not exist (404). */

test("an Aktobe officer opening an Atyrau application gets 404, and it is not in their worklist", async ({ page }) => {
  const { id, registrationNumber } = seedSubmitted({ organisation: "atyrau", applicant: "110740000007" });

  await signIn(page, "aktobe.clerk", STAFF_PASSWORD, "ru");
  await expect(page).toHaveURL(/\/ru\/officer$/);
  const res = await page.goto(`/ru/officer/applications/${id}`);
  expect(res?.status()).toBe(404);
  expect((await page.goto(`/ru/officer/applications/${id}/journal`))?.status()).toBe(404);
  await page.goto(`/ru/officer?number=${registrationNumber}`);
  await expect(page.getByText("Нет заявлений, подходящих под фильтры.")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, "aktobe.head", STAFF_PASSWORD, "ru");
  await expect(page).toHaveURL(/\/ru\/officer$/);
  expect((await page.goto(`/ru/officer/applications/${id}`))?.status()).toBe(404);

  // The Atyrau clerk sees it.
  await page.context().clearCookies();
  await signIn(page, "atyrau.clerk", STAFF_PASSWORD, "ru");
  await expect(page).toHaveURL(/\/ru\/officer$/);
  expect((await page.goto(`/ru/officer/applications/${id}`))?.status()).toBe(200);
});

test("an applicant cannot open the officer pages (404)", async ({ page }) => {
  const { id } = seedSubmitted({ organisation: "atyrau", applicant: "110740000007" });
  await signIn(page, "110740000007", APPLICANT_PASSWORD, "ru");
  await expect(page).toHaveURL(/\/ru\/applicant$/);
  expect((await page.goto(`/ru/officer/applications/${id}`))?.status()).toBe(404);
  expect((await page.goto("/ru/officer"))?.status()).toBe(404);
});
