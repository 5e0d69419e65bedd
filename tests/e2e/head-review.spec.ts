import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, expectAccessible, screenshot, test } from "./fixtures";
import { act, openApplication, signInAs } from "./support/officer";
import { seedAwaitingSignature } from "./support/seed-signed-licence";

/**
 * Issue 12 point 9: the head does not sign blind. At the sign step the head sees the draft licence
 * as the real PDF the portal issues (marked ЖОБА / ПРОЕКТ, served only to the organisation's staff)
 * and may return it to the executor with a comment instead of signing; the executor then sees the
 * comment on the application page and drafts again. (Atyrau scrap-metal licence, seeded at the sign
 * step through the officers' use cases.)
 */

const COMMENT = "Check the sub-types: the site inspection report covers collection only, not storage.";

test("en: head sees the draft licence PDF, returns it with a comment, the executor sees the comment", async ({ page }) => {
  test.setTimeout(240_000);
  const { id, registrationNumber: number } = seedAwaitingSignature();
  const previewPath = `/api/applications/${id}/decision-preview`;

  // Head: the document itself before signing.
  await signInAs(page, "atyrau.head", "en");
  await openApplication(page, "en", id, number);
  const preview = page.getByRole("region", { name: "The document you sign" });
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId("decision-summary")).toContainText("Licence (positive result)");
  await expect(preview.getByTestId("decision-preview-pdf")).toHaveAttribute("src", previewPath);
  await expect(preview.getByTestId("decision-preview-pdf")).toHaveAttribute("title", "Draft licence (PDF preview)");
  const link = preview.getByRole("link", { name: "Open the draft licence (PDF)" });
  await expect(link).toHaveAttribute("href", previewPath);

  // The PDF behind it: the licence renderer's document, marked as a draft, framable by the portal only.
  const res = await page.request.get(previewPath);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/head-review-draft-licence.pdf", await res.body());
  const text = execFileSync("pdftotext", ["-raw", "test-results/head-review-draft-licence.pdf", "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain("ЖОБА / ПРОЕКТ");
  expect(text).toContain("Не подписан, не выдан");
  expect(text).toContain("ЛИЦЕНЗИЯ");
  await screenshot(page, "head-review-preview-en");
  await expectAccessible(page);

  // Returning needs a comment: the field says so.
  const form = page.getByRole("form", { name: "Return to the executor for revision" });
  await form.getByRole("button", { name: "Return for revision", exact: true }).click();
  await expect(form.getByText("Say what the executor should revise.")).toBeVisible();
  await expect(form.getByLabel(/What to revise/)).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel(/What to revise/).fill(COMMENT);
  await act(page, form.getByRole("button", { name: "Return for revision", exact: true }), "The draft is returned to the executor with your comment.");
  await expect(page.getByText("Nothing is required from you at this stage.")).toBeVisible();
  await expect(page.getByRole("region", { name: "The document you sign" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Audit trail" })).toContainText("Draft returned to the executor for revision");
  // Nothing to preview any more: the route answers 404.
  expect((await page.request.get(previewPath)).status()).toBe(404);

  // Executor: the comment at the top, the drafting form again.
  await signInAs(page, "atyrau.executor", "en");
  await openApplication(page, "en", id, number);
  const returns = page.getByTestId("revision-returns");
  await expect(returns.getByRole("status")).toContainText("The head returned the draft for revision.");
  await expect(returns.getByTestId("revision-comment")).toHaveText(COMMENT);
  await expect(page.getByRole("form", { name: "Draft decision" })).toBeVisible();
  await expect(page.getByRole("region", { name: "The document you sign" })).toHaveCount(0);
  await screenshot(page, "head-review-returned-executor-en");
  await expectAccessible(page);
});

test("the draft preview is served only to staff of the organisation at the sign step", async ({ page }) => {
  test.setTimeout(120_000);
  const { id, registrationNumber: number } = seedAwaitingSignature();
  const previewPath = `/api/applications/${id}/decision-preview`;
  // Signed out: 401.
  expect((await page.request.get(previewPath)).status()).toBe(401);
  // Another organisation's head: as if it did not exist.
  await signInAs(page, "aktobe.head", "ru");
  expect((await page.request.get(previewPath)).status()).toBe(404);
  // The executor of the organisation may read it while it waits for the signature.
  await signInAs(page, "atyrau.executor", "ru");
  const res = await page.request.get(previewPath);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  // The head's page in Kazakh names the section and the return action in kk.
  await signInAs(page, "atyrau.head", "kk");
  await openApplication(page, "kk", id, number);
  await expect(page.getByRole("region", { name: "Сіз қол қоятын құжат" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Орындаушыға пысықтауға қайтару" })).toBeVisible();
});
