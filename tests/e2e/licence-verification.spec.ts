import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, expectAccessible, screenshot, test } from "./fixtures";
import { seedSignedLicence, type SignedLicence } from "./support/seed-signed-licence";

/**
 * The public check of a signed file in kk/ru/en: a licence PDF signed by the Atyrau head (PAdES,
 * issued through the officers' use cases) is valid and matches the register; the same file with one
 * byte changed is not. The JSON API answers the same.
 */

const TEXT = {
  kk: { submit: "Файлды тексеру", valid: "Файлға қол қойылған, барлық қолтаңба жарамды.", invalid: "Файл жарамсыз: қолтаңба дұрыс емес немесе файл қол қойылғаннан кейін өзгертілген.", matches: "Файл тізілім құжаты: лицензия." },
  ru: { submit: "Проверить файл", valid: "Файл подписан, все подписи действительны.", invalid: "Файл недействителен: подпись неверна или файл изменён после подписания.", matches: "Файл является документом реестра: лицензия." },
  en: { submit: "Check the file", valid: "The file is signed and every signature is valid.", invalid: "The file is not valid: a signature is invalid, or the file was changed after signing.", matches: "The file is a document of the register: licence." },
} as const;

const ATYRAU_BIN = "990540002404";
const dir = path.resolve("test-results", "licence-verification");
const signedPath = path.join(dir, "licence.pdf");
const tamperedPath = path.join(dir, "licence-tampered.pdf");
let licence: SignedLicence;

test.beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  licence = seedSignedLicence(signedPath);
  const bytes = readFileSync(signedPath);
  const i = bytes.indexOf("(kk-KZ)");
  expect(i).toBeGreaterThan(0);
  bytes[i + 5] = "Q".charCodeAt(0); // one byte of the signed range
  writeFileSync(tamperedPath, bytes);
});

test.describe("checking a signed licence file", () => {
  for (const [locale, tx] of Object.entries(TEXT)) {
    test(`the signed licence PDF is valid and matches the register; a changed copy is not (${locale})`, async ({ page }) => {
      await page.goto(`/${locale}/verify`);
      await page.locator("#check-file").setInputFiles(signedPath);
      await page.getByRole("button", { name: tx.submit, exact: true }).click();
      await expect(page.getByText(tx.valid)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText(tx.matches)).toBeVisible();
      await expect(page.getByTestId("organisation")).toContainText(ATYRAU_BIN);
      await expect(page.getByRole("link", { name: new RegExp(licence.number) })).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `verify-file-valid-${locale}`);

      await page.locator("#check-file").setInputFiles(tamperedPath);
      await page.getByRole("button", { name: tx.submit, exact: true }).click();
      await expect(page.getByText(tx.invalid)).toBeVisible({ timeout: 30_000 });
      await screenshot(page, `verify-file-tampered-${locale}`);
    });
  }

  test("POST /api/v1/verification gives the same verdicts, and refuses a request without a file", async ({ request }) => {
    const ok = await request.post("/api/v1/verification", { multipart: { file: { name: "licence.pdf", mimeType: "application/pdf", buffer: readFileSync(signedPath) } } });
    expect(ok.status()).toBe(200);
    expect(ok.headers()["ratelimit-limit"]).toBeTruthy();
    const body = await ok.json();
    expect(body).toMatchObject({ format: "pdf", valid: true, register: { matches: true, kind: "licence", licence: { number: licence.number } } });
    expect(body.signatures[0]).toMatchObject({ status: "valid", coversWholeFile: true, signer: { bin: ATYRAU_BIN } });
    const bad = await request.post("/api/v1/verification", { multipart: { file: { name: "licence.pdf", mimeType: "application/pdf", buffer: readFileSync(tamperedPath) } } });
    expect(bad.status()).toBe(200);
    expect(await bad.json()).toMatchObject({ valid: false, signatures: [{ status: "content_mismatch" }] });
    const none = await request.post("/api/v1/verification", { multipart: { other: "x" } });
    expect(none.status()).toBe(422);
  });
});
