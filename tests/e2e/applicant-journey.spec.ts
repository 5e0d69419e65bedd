import { APPLICANT_PASSWORD, expect, expectAccessible, screenshot, signIn, test } from "./fixtures";
import { fillForm, payFee, payWithCard, signAndSubmit, startScrapApplication, uploadScans } from "./support/applicant-steps";
import { demoKeyStore, EDS_PASSWORD } from "./support/demo-keys";

const BIN = "050340000009"; // «Ақтөбе Металл Ресурс» ЖШС

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

    await payFee(page, id);
    await signAndSubmit(page, locale, signing, EDS_PASSWORD);
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
  await payFee(page, id);
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
