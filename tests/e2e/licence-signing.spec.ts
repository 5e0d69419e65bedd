import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { demoKeyStore, EDS_PASSWORD } from "./support/demo-keys";
import { act, openApplication, signInAs } from "./support/officer";
import { licenceOfApplication, seedAwaitingSignature } from "./support/seed-signed-licence";

/**
 * The head signs a licence decision in the browser (the signing widget: the PDF prepared for the
 * head's certificate, its byte ranges and the decision signed with node-forge in the page), and
 * the licence PDF the portal serves then carries one valid PAdES signature (pdfsig, qpdf).
 */
test("the head's one signing action gives a licence PDF with a valid PAdES signature", async ({ page }) => {
  test.setTimeout(420_000); // the machine running several browser suites at once is slow
  const { id, registrationNumber } = seedAwaitingSignature();
  const key = await demoKeyStore(page, { bin: "990540002404", role: "first_head", purpose: "signing", status: "valid" });
  await signInAs(page, "atyrau.head", "ru");
  await openApplication(page, "ru", id, registrationNumber);
  await expect(page.getByRole("heading", { name: "Подписать решение и лицензию ЭЦП" })).toBeVisible();
  await page.locator("input[type=file][accept*='p12']").setInputFiles(key);
  await page.locator("input[type=password]").fill(EDS_PASSWORD);
  await act(page, page.getByRole("button", { name: "Подписать решение", exact: true }), "Решение подписано.");
  await expect(page.getByRole("cell", { name: "PDF лицензии (PAdES)", exact: true })).toBeVisible();

  const { licenceId } = licenceOfApplication(id);
  const res = await page.request.get(`/api/licences/${licenceId}/pdf`);
  expect(res.status()).toBe(200);
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/licence-signed-in-browser.pdf", await res.body());
  const pdfsig = execFileSync("pdfsig", ["-nocert", "test-results/licence-signed-in-browser.pdf"], { encoding: "utf8" });
  expect(pdfsig.match(/^Signature #\d+:/gm)).toHaveLength(1);
  expect(pdfsig).toContain("Signature Type: ETSI.CAdES.detached");
  expect(pdfsig).toContain("Signature Validation: Signature is Valid.");
  execFileSync("qpdf", ["--check", "test-results/licence-signed-in-browser.pdf"]);
});
