import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, screenshot, test } from "./fixtures";
import { fillForm, payFee, signAndSubmit, startScrapApplication, uploadScans } from "./support/applicant-steps";
import type { Upload } from "./support/demo-keys";

/**
 * A new legal entity registers, issues itself a sandbox signing certificate (key generated in the
 * browser), and applies for the scrap-metal licence in Aktobe — no demo key store involved.
 * BIN 150240000006 («Жайық Сынық» ЖШС) is in the legal-entity registry sandbox with its head
 * Ғабдуллин Ерболат, and is not a demo account; the e2e database is recreated on every run.
 */

const BIN = "150240000006";
const ACCOUNT_PASSWORD = "Zhaiyk-Synyq-2026";
const EDS_PASSWORD = "Sandbox-Eds-2026";

async function register(page: Page) {
  await page.goto("/kk/register");
  await page.locator("input[name=kind][value=LEGAL_ENTITY]").check();
  await page.locator("#f-identifier").fill(BIN);
  await page.locator("#f-name").fill("«Жайық Сынық» ЖШС");
  await page.locator("#f-surname").fill("Ғабдуллин");
  await page.locator("#f-givenName").fill("Ерболат");
  await page.locator("#f-email").fill("info@zhaiyk-synyq.example.kz");
  await page.locator("#f-phone").fill("+7 711 250 10 20");
  await page.locator("#f-password").fill(ACCOUNT_PASSWORD);
  await page.locator("#f-passwordConfirm").fill(ACCOUNT_PASSWORD);
  await screenshot(page, "registration-kk-form");
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(/\/kk\/applicant\?registered=1$/, { timeout: 30_000 });
}

/** The sandbox CA self-service: a short password is refused on the field, then the .p12 is downloaded. */
async function issueTestCertificate(page: Page): Promise<Upload> {
  await page.getByRole("navigation").getByRole("link", { name: "Тестілік ЭЦҚ" }).click();
  await page.waitForURL(/\/kk\/applicant\/test-certificate$/);
  await expect(page.getByTestId("sandbox-banner")).toContainText("Құмсалғыш");
  await expect(page.getByTestId("holder-bin")).toHaveText(BIN);
  await expect(page.getByTestId("holder-iin")).toHaveText("750830400014");
  await expectAccessible(page);

  await page.locator("#f-password").fill("short");
  await page.locator("#f-confirm").fill("short");
  await page.getByRole("button", { name: "Кілт жасап, сертификат шығару" }).click();
  await expect(page.locator("#f-password-error")).toHaveText("Құпиясөз кемінде 8 таңбадан тұруы керек.");
  await expect(page.locator("#f-password")).toHaveAttribute("aria-describedby", /f-password-error/);
  await expectAccessible(page);
  await screenshot(page, "test-certificate-kk-short-password");

  await page.locator("#f-password").fill(EDS_PASSWORD);
  await page.locator("#f-confirm").fill(EDS_PASSWORD);
  const downloading = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByRole("button", { name: "Кілт жасап, сертификат шығару" }).click();
  const download = await downloading;
  await expect(page.getByTestId("issue-done")).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("tr[data-serial]")).toHaveCount(1);
  await screenshot(page, "test-certificate-kk-issued");
  const name = download.suggestedFilename();
  expect(name).toMatch(new RegExp(`^RSA256_${BIN}_4b5a[0-9a-f]{12}\\.p12$`));
  return { name, mimeType: "application/x-pkcs12", buffer: await readFile((await download.path())!) };
}

test("new legal entity (kk): registers, issues a sandbox EDS certificate, applies for the scrap-metal licence in Aktobe and signs with it", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page);
  const keyStore = await issueTestCertificate(page);

  const id = await startScrapApplication(page, "kk");
  await fillForm(page, "kk");
  await uploadScans(page);
  await screenshot(page, "registration-kk-draft");
  await payFee(page, id);
  await signAndSubmit(page, "kk", keyStore, EDS_PASSWORD);
  await screenshot(page, "registration-kk-registered");
});
