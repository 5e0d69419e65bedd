import type { Page } from "@playwright/test";
import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, test } from "./fixtures";
import { signInAs } from "./support/officer";
import { seedIssuedLicence } from "./support/seed-licence";

/**
 * Suspending and resuming a licence (East Kazakhstan, grain warehouse): the deputy head suspends
 * it for a period with a reason, the public register page (no sign-in) shows it suspended until
 * the end of the period, the head resumes it and the public page shows it valid again. Officers
 * without `licence.manage` (the executor) and the holder see the licence but no lifecycle forms.
 * The licence is issued by the seed helper (tacit approval through `issueLicence`): the browser
 * journey to an issued licence is officer-east-kazakhstan.spec.ts.
 */

const APPLICANT = "981240000001"; // «Шығыс Астық Қоймасы» АҚ

/** A calendar day in Almaty, `days` days from today (YYYY-MM-DD), as the date inputs take it. */
function almatyDay(days: number) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));
}

async function openLicence(page: Page, id: string, number: string) {
  await page.goto(`/ru/licences/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Лицензия № ${number}`);
}

async function expectNoLifecycleForms(page: Page) {
  await expect(page.getByRole("heading", { name: "Действия с лицензией" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Приостановить|Возобновить|Прекратить/ })).toHaveCount(0);
}

/** The public register page, signed out. */
async function openPublic(page: Page, locale: "ru" | "kk", number: string) {
  await page.context().clearCookies();
  await page.goto(`/${locale}/verify/${number}`);
  return page.getByRole("status").filter({ has: page.locator("[data-status]") });
}

test("ru: the deputy head suspends a licence for a period, the public page shows it suspended; the head resumes it and it is valid again", async ({ page }) => {
  test.setTimeout(180_000);
  const { licenceId: id, number } = seedIssuedLicence({ organisation: "east-kazakhstan", applicant: APPLICANT, service: "grain-warehouse-receipts-licence" });

  // Public: valid.
  let status = await openPublic(page, "ru", number);
  await expect(status).toContainText("Лицензия действительна.");

  // No right to manage: the executor of the same organisation and the holder.
  await signInAs(page, "eko.executor", "ru");
  await openLicence(page, id, number);
  await expect(page.getByText("Действует").first()).toBeVisible();
  await expectNoLifecycleForms(page);
  await page.context().clearCookies();
  await signIn(page, APPLICANT, APPLICANT_PASSWORD, "ru");
  await expect(page).toHaveURL(/\/ru\/applicant/);
  await openLicence(page, id, number);
  await expectNoLifecycleForms(page);

  // Deputy head: suspension with a reason and a period from today.
  const reason = "Решение суда № 2-345/2026 о приостановлении действия лицензии";
  await signInAs(page, "eko.deputy", "ru");
  await openLicence(page, id, number);
  await expect(page.getByRole("heading", { name: "Действия с лицензией" })).toBeVisible();
  const suspend = page.getByRole("form", { name: "Приостановить", exact: true });
  await expect(suspend.locator("#suspend-from")).toHaveValue(almatyDay(0));
  await suspend.locator("#suspend-reason").fill(reason);
  await suspend.locator("#suspend-to").fill(almatyDay(30));
  await expectAccessible(page);
  await screenshot(page, "licence-suspend-deputy-ru");
  await suspend.getByRole("button", { name: "Приостановить", exact: true }).click();
  // The page re-renders with the new status: the resume form replaces the suspension form.
  const resume = page.getByRole("form", { name: "Возобновить", exact: true });
  await expect(resume).toBeVisible({ timeout: 20_000 });
  await expect(suspend).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: `Действует → Приостановлена — ${reason}` })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "licence-suspended-deputy-ru");

  // Public: suspended until the end of the period, in Russian and in Kazakh.
  status = await openPublic(page, "ru", number);
  await expect(status).toContainText("Приостановлена");
  await expect(status).toContainText("Действие лицензии приостановлено");
  await expect(status).toContainText("Приостановлена до");
  await expectAccessible(page);
  await screenshot(page, "licence-suspended-public-ru");
  status = await openPublic(page, "kk", number);
  await expect(status).toContainText("Тоқтатыла тұрған");
  await expectAccessible(page);
  await screenshot(page, "licence-suspended-public-kk");

  // Head: resumption with a reason.
  await signInAs(page, "eko.head", "ru");
  await openLicence(page, id, number);
  const resumeByHead = page.getByRole("form", { name: "Возобновить", exact: true });
  await resumeByHead.locator("#resume-reason").fill("Обстоятельства, послужившие основанием для приостановления, устранены");
  await resumeByHead.getByRole("button", { name: "Возобновить", exact: true }).click();
  await expect(page.getByRole("form", { name: "Приостановить", exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(resumeByHead).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: "Приостановлена → Действует — Обстоятельства" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "licence-resumed-head-ru");

  // Public: valid again, no suspension period.
  status = await openPublic(page, "ru", number);
  await expect(status).toContainText("Лицензия действительна.");
  await expect(status).not.toContainText("Приостановлена до");
  await screenshot(page, "licence-resumed-public-ru");
});
